import { publicProcedure } from "../init";
import { requestPasswordReset as requestReset } from "../../users/password-reset";
import { okOutput } from "../outputs";
import { requireCaptcha } from "../captcha";
import { requestResetInput } from "./password-reset.schema";

export const requestPasswordReset = publicProcedure
  .input(requestResetInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    // Before the mail limits: a request without a solution sends nothing and counts nothing.
    await requireCaptcha(ctx, input.captcha);
    await requestReset(ctx.db, input.email, ctx.now, { ip: ctx.ip });
    return { ok: true as const };
  });
