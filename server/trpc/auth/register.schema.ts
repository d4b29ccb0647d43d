import { z } from "zod";
import { emailField, localeField, nameField, passwordField, refusePersonalPassword } from "../../users/fields";

export const registerInput = z
  .object({ name: nameField, email: emailField, password: passwordField, locale: localeField })
  .superRefine(refusePersonalPassword({ password: "password", email: "email", name: "name" }));
export type RegisterInput = z.input<typeof registerInput>;
