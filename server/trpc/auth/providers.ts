import { z } from "zod";
import { publicProcedure } from "../init";
import { isGoogleEnabled } from "../../auth/options";
import { captchaOf } from "../captcha";

export const providersOutput = z.object({ google: z.boolean() });
/** false when the server runs with CAPTCHA=off. */
export const captchaOutput = z.object({ enabled: z.boolean() });

/** Which sign-in methods this server offers. */
export const providers = publicProcedure.output(providersOutput).query(() => ({ google: isGoogleEnabled() }));

/** Whether the anonymous forms (registration, forgot-password) ask for the CAPTCHA. */
export const captcha = publicProcedure.output(captchaOutput).query(({ ctx }) => ({ enabled: captchaOf(ctx).enabled }));
