// The security settings an admin chooses (server/admin/security-policy.ts).
import { z } from "zod";

/** The settings to change (each optional: the form of each section sends its own). */
export const setSecurityPolicyInput = z.object({
  ticketCaptcha: z.boolean({ error: "Validation.invalid" }).optional(),
  helpRequiresSignIn: z.boolean({ error: "Validation.invalid" }).optional(),
});
/** The policy, and whether this server has the CAPTCHA at all (false with CAPTCHA=off: the choice is
 * kept but nothing asks for it). */
export const securityPolicyOutput = z.object({
  ticketCaptcha: z.boolean(),
  helpRequiresSignIn: z.boolean(),
  captchaAvailable: z.boolean(),
});
