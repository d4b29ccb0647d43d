import { z } from "zod";
import { publicProcedure } from "../init";
import { isGoogleEnabled } from "../../auth/options";
import { captchaOf } from "../captcha";

/** Google sign-in offered; the forms ask for the CAPTCHA (false when the server runs with CAPTCHA=off). */
export const providersOutput = z.object({ google: z.boolean(), captcha: z.boolean() });

/** Which sign-in methods this server offers, and whether its forms show the CAPTCHA. */
export const providers = publicProcedure
  .output(providersOutput)
  .query(({ ctx }) => ({ google: isGoogleEnabled(), captcha: captchaOf(ctx).enabled }));
