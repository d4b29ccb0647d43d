import { publicProcedure } from "../init";
import { requestPasswordReset as requestReset } from "../../users/password-reset";
import { requestResetInput } from "./password-reset.schema";

export const requestPasswordReset = publicProcedure.input(requestResetInput).mutation(async ({ ctx, input }) => {
  await requestReset(ctx.db, input.email, ctx.now, { ip: ctx.ip });
  return { ok: true as const };
});
