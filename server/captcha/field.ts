// The CAPTCHA's field in a form's input: the widget's payload (base64 of the challenge and its
// solution, about 600 characters), absent when the widget was not solved or is not shown. What it
// holds is checked by server/captcha/captcha.ts; pure zod here, so the browser can import it.
import { z } from "zod";

export const CAPTCHA_PAYLOAD_MAX = 4_000;
export const captchaField = z.string().max(CAPTCHA_PAYLOAD_MAX, { error: "Validation.invalid" }).optional();
