import { protectedProcedure } from "../init";
import { changePassword as change } from "../../users/profile";
import { changePasswordInput } from "./update.schema";

export const changePassword = protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
  await change(ctx.db, ctx.user, input.current, input.next);
  return { ok: true as const };
});
