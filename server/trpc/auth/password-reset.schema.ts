import { z } from "zod";
import { captchaField } from "../../captcha/field";
import { emailField, passwordField } from "../../users/fields";

export const requestResetInput = z.object({ email: emailField, captcha: captchaField });
export const resetPasswordInput = z.object({ token: z.string().min(10).max(200), password: passwordField });
