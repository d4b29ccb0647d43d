import { adminProcedure, router } from "../init";
import { listStaff, listUsers, setPermission as grant } from "../../users/permissions";
import { okOutput } from "../outputs";
import { setPermissionInput, staffOutput, usersOutput } from "./users.schema";

export const usersRouter = router({
  list: adminProcedure.output(usersOutput).query(({ ctx }) => listUsers(ctx.db)),
  staff: adminProcedure.output(staffOutput).query(({ ctx }) => listStaff(ctx.db)),
  setPermission: adminProcedure
    .input(setPermissionInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await grant(ctx.db, input.userId, input.permission, input.granted);
      return { ok: true as const };
    }),
});
