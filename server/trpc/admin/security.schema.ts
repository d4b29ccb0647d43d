// The security settings an admin chooses (server/admin/security-policy.ts).
import { z } from "zod";

export const setSecurityPolicyInput = z.object({ ticketCaptcha: z.boolean({ error: "Validation.invalid" }) });
/** The policy, and whether this server has the CAPTCHA at all (false with CAPTCHA=off: the choice is
 * kept but nothing asks for it). */
export const securityPolicyOutput = z.object({ ticketCaptcha: z.boolean(), captchaAvailable: z.boolean() });
