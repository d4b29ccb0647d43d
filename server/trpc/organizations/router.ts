import { protectedProcedure, router } from "../init";
import { inviteMember, listMembers, removeMember, setMemberRole } from "../../organizations/members";
import { contactsRouter } from "./contacts";
import { inviteInput, inviteOutput, memberChangeOutput, memberInput, membersOutput, orgInput, setRoleInput } from "./members.schema";

/** Organization admins manage their members and authorized contacts (site admins any organization). */
export const organizationsRouter = router({
  contacts: contactsRouter,
  members: protectedProcedure
    .input(orgInput)
    .output(membersOutput)
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.user, input.organizationId)),
  invite: protectedProcedure
    .input(inviteInput)
    .output(inviteOutput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.user, input, ctx.now)),
  remove: protectedProcedure
    .input(memberInput)
    .output(memberChangeOutput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.user, input.organizationId, input.userId);
      return { ok: true as const };
    }),
  setRole: protectedProcedure
    .input(setRoleInput)
    .output(memberChangeOutput)
    .mutation(async ({ ctx, input }) => {
      await setMemberRole(ctx.db, ctx.user, input.organizationId, input.userId, input.role);
      return { ok: true as const };
    }),
});
