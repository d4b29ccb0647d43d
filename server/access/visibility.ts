// THE visibility rule: who may see which ticket. Every read and write of a ticket (and of what
// hangs from it: messages, watchers, files, exports, socket rooms) filters through this one `where`,
// whatever the channel (panel, API, mail, automation). Pure: it builds a Prisma filter from the
// principal, nothing else.
import type { Prisma } from "../db/generated/client";
import type { Principal, SystemPrincipal } from "./principal";

export type Viewer = Pick<Principal, "id" | "role" | "permissions" | "organizations" | "departmentIds">;

const nothing: Prisma.TicketWhereInput = { id: { in: [] } };

export function visibleTicketsWhere(viewer: Viewer | SystemPrincipal): Prisma.TicketWhereInput {
  if (viewer.role === "admin" || viewer.role === "system") return {};
  if (!viewer.permissions.includes("can_access_ticketing")) return nothing;
  const own: Prisma.TicketWhereInput[] = [{ requesterId: viewer.id }, { watchers: { some: { userId: viewer.id } } }];
  if (viewer.role === "agent") return { OR: [{ departmentId: { in: viewer.departmentIds } }, ...own] };
  const wholeOrgs = viewer.organizations.filter((o) => o.role === "admin" || o.membersSeeAll).map((o) => o.id);
  return { OR: [...own, ...(wholeOrgs.length ? [{ organizationId: { in: wholeOrgs } }] : [])] };
}

/** The actor a principal is for the state machine on one ticket. */
export function actorFor(
  viewer: Viewer | SystemPrincipal,
  ticket: { organizationId: string | null },
): "partner" | "org_admin" | "agent" | "admin" | "system" {
  if (viewer.role === "system") return "system";
  if (viewer.role === "admin") return "admin";
  if (viewer.role === "agent") return "agent";
  const org = viewer.organizations.find((o) => o.id === ticket.organizationId);
  return org?.role === "admin" ? "org_admin" : "partner";
}
