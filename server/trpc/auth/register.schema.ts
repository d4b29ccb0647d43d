import { z } from "zod";
import { captchaField } from "../../captcha/field";
import { emailField, localeField, nameField, passwordField, refusePersonalPassword } from "../../users/fields";

export const registerInput = z
  .object({ name: nameField, email: emailField, password: passwordField, locale: localeField, captcha: captchaField })
  .superRefine(refusePersonalPassword({ password: "password", email: "email", name: "name" }));
export type RegisterInput = z.input<typeof registerInput>;

/** The address the activation link went to (the same answer whether or not it already had an account). */
export const registerOutput = z.object({ email: z.string() });
