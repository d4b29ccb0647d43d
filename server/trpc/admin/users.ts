import { adminProcedure, router } from "../init";
import { listUsers, setPermission as grant } from "../../users/permissions";
import { deactivatePerson, inviteStaff, reactivatePerson, searchPeople, updateStaff } from "../../users/staff-admin";
import { okOutput } from "../outputs";
import {
  invitedOutput,
  inviteStaffInput,
  peopleOutput,
  peopleSearchInput,
  setPermissionInput,
  updateStaffInput,
  userIdInput,
  usersOutput,
} from "./users.schema";

const ok = { ok: true as const };

export const usersRouter = router({
  list: adminProcedure.output(usersOutput).query(({ ctx }) => listUsers(ctx.db)),
  search: adminProcedure
    .input(peopleSearchInput)
    .output(peopleOutput)
    .query(({ ctx, input }) => searchPeople(ctx.db, input, ctx.locale)),
  invite: adminProcedure
    .input(inviteStaffInput)
    .output(invitedOutput)
    .mutation(({ ctx, input }) => inviteStaff(ctx.db, ctx.user.id, input, ctx.now)),
  update: adminProcedure
    .input(updateStaffInput)
    .output(okOutput)
    .mutation(async ({ ctx, input: { userId, ...change } }) => {
      await updateStaff(ctx.db, ctx.user.id, userId, change);
      return ok;
    }),
  deactivate: adminProcedure
    .input(userIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await deactivatePerson(ctx.db, ctx.user.id, input.userId, ctx.now);
      return ok;
    }),
  reactivate: adminProcedure
    .input(userIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await reactivatePerson(ctx.db, input.userId);
      return ok;
    }),
  setPermission: adminProcedure
    .input(setPermissionInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await grant(ctx.db, input.userId, input.permission, input.granted);
      return ok;
    }),
});
