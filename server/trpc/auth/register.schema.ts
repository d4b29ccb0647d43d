import { z } from "zod";
import { emailField, localeField, nameField, passwordField } from "../../users/fields";

export const registerInput = z.object({ name: nameField, email: emailField, password: passwordField, locale: localeField });
export type RegisterInput = z.input<typeof registerInput>;
