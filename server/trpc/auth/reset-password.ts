import { publicProcedure } from "../init";
import { resetPassword as reset } from "../../users/password-reset";
import { okOutput } from "../outputs";
import { resetPasswordInput } from "./password-reset.schema";

export const resetPassword = publicProcedure
  .input(resetPasswordInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await reset(ctx.db, input.token, input.password, ctx.now);
    return { ok: true as const };
  });
