import { protectedProcedure } from "../init";
import { changePassword as change } from "../../users/profile";
import { okOutput } from "../outputs";
import { changePasswordInput } from "./update.schema";

export const changePassword = protectedProcedure
  .input(changePasswordInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await change(ctx.db, ctx.user, input.current, input.next);
    return { ok: true as const };
  });
