import { z } from "zod";
import { emailField, passwordField } from "../../users/fields";

export const requestResetInput = z.object({ email: emailField });
export const resetPasswordInput = z.object({ token: z.string().min(10).max(200), password: passwordField });
