import { z } from "zod";
import { Permission } from "../../db/generated/enums";
import { adminProcedure, router } from "../init";
import { listStaff, listUsers, setPermission as grant } from "../../users/permissions";

export const setPermissionInput = z.object({ userId: z.uuid(), permission: z.enum(Permission), granted: z.boolean() });

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  staff: adminProcedure.query(({ ctx }) => listStaff(ctx.db)),
  setPermission: adminProcedure.input(setPermissionInput).mutation(async ({ ctx, input }) => {
    await grant(ctx.db, input.userId, input.permission, input.granted);
    return { ok: true as const };
  }),
});
