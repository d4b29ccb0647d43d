import { adminProcedure, router } from "../init";
import { loadSecurityPolicy, saveSecurityPolicy } from "../../admin/security-policy";
import { captchaOf } from "../captcha";
import { securityPolicyOutput, setSecurityPolicyInput } from "./security.schema";

/** Security settings: whether the create-ticket form asks for the CAPTCHA, and whether the help centre
 * needs a sign-in (both off by default). */
export const securityRouter = router({
  policy: adminProcedure
    .output(securityPolicyOutput)
    .query(async ({ ctx }) => ({ ...(await loadSecurityPolicy(ctx.db)), captchaAvailable: captchaOf(ctx).enabled })),
  setPolicy: adminProcedure
    .input(setSecurityPolicyInput)
    .output(securityPolicyOutput)
    .mutation(async ({ ctx, input }) => ({ ...(await saveSecurityPolicy(ctx.db, input)), captchaAvailable: captchaOf(ctx).enabled })),
});
