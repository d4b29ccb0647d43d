import { protectedProcedure } from "../init";
import { getProfile } from "../../users/profile";
import { canAccessTicketing, isStaff } from "../../access/principal";
import { canViewSensitive } from "../../sensitive/sensitive-info";
import { viewerOutput } from "./get.schema";

/** The signed-in person, with what the interface needs to decide what to show. */
export const get = protectedProcedure.output(viewerOutput).query(async ({ ctx }) => ({
  ...(await getProfile(ctx.db, ctx.user.id)),
  organizations: ctx.user.organizations,
  isStaff: isStaff(ctx.user),
  canAccessTicketing: ctx.user.role === "admin" || canAccessTicketing(ctx.user),
  canViewSensitive: canViewSensitive(ctx.user),
}));
