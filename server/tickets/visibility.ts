// THE visibility rule: who may see which ticket. Every read and write of a ticket (and of what
// hangs from it: messages, watchers, files, exports, socket rooms) filters through this one `where`.
// Pure: it builds a Prisma filter from the viewer, nothing else.
import type { Prisma } from "../db/generated/client";
import type { SessionUser } from "../auth/session-user";

export type Viewer = Pick<SessionUser, "id" | "role" | "permissions" | "organizations" | "departmentIds">;

const nothing: Prisma.TicketWhereInput = { id: { in: [] } };

export function visibleTicketsWhere(viewer: Viewer): Prisma.TicketWhereInput {
  if (viewer.role === "admin") return {};
  if (!viewer.permissions.includes("can_access_ticketing")) return nothing;
  const own: Prisma.TicketWhereInput[] = [{ requesterId: viewer.id }, { watchers: { some: { userId: viewer.id } } }];
  if (viewer.role === "agent") return { OR: [{ departmentId: { in: viewer.departmentIds } }, ...own] };
  const wholeOrgs = viewer.organizations.filter((o) => o.role === "admin" || o.membersSeeAll).map((o) => o.id);
  return { OR: [...own, ...(wholeOrgs.length ? [{ organizationId: { in: wholeOrgs } }] : [])] };
}

/** Whether the viewer works tickets (sees internal notes, may act as support). */
export const isSupportStaff = (viewer: Pick<Viewer, "role">) => viewer.role === "agent" || viewer.role === "admin";

/** The actor a viewer is for the state machine on one ticket. */
export function actorFor(viewer: Viewer, ticket: { organizationId: string | null }): "partner" | "org_admin" | "agent" | "admin" {
  if (viewer.role === "admin") return "admin";
  if (viewer.role === "agent") return "agent";
  const org = viewer.organizations.find((o) => o.id === ticket.organizationId);
  return org?.role === "admin" ? "org_admin" : "partner";
}
