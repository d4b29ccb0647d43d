// THE visibility rule: who may see which ticket. Every read and write of a ticket (and of what
// hangs from it: messages, watchers, files, exports, socket rooms) filters through it, whatever the
// channel (panel, API, mail, automation). Pure: it decides the viewer's scope — nothing, everything,
// or a union of sources (tickets they asked for, tickets they follow, whole departments, whole
// organizations) — and renders that one decision as a Prisma filter, or as SQL for the queries
// Prisma cannot express (the ticket list's index-friendly union, server/tickets/list-query.ts).
import { Prisma } from "../db/generated/client";
import type { Principal, SystemPrincipal } from "./principal";

export type Viewer = Pick<Principal, "id" | "role" | "permissions" | "organizations" | "departmentIds">;

/** One way a ticket comes into view. */
export type TicketSource =
  | { by: "requester"; userId: string }
  | { by: "watcher"; userId: string }
  | { by: "department"; id: number }
  | { by: "organization"; id: string };

export type TicketScope = { kind: "all" } | { kind: "none" } | { kind: "some"; sources: TicketSource[] };

export function visibleScope(viewer: Viewer | SystemPrincipal): TicketScope {
  if (viewer.role === "admin" || viewer.role === "system") return { kind: "all" };
  if (!viewer.permissions.includes("can_access_ticketing")) return { kind: "none" };
  const own: TicketSource[] = [
    { by: "requester", userId: viewer.id },
    { by: "watcher", userId: viewer.id },
  ];
  // Whole departments and organizations first: they hold most of what such a viewer sees.
  const whole: TicketSource[] =
    viewer.role === "agent"
      ? viewer.departmentIds.map((id) => ({ by: "department", id }))
      : viewer.organizations.filter((o) => o.role === "admin" || o.membersSeeAll).map((o) => ({ by: "organization", id: o.id }));
  return { kind: "some", sources: [...whole, ...own] };
}

const nothing: Prisma.TicketWhereInput = { id: { in: [] } };

export function sourceWhere(source: TicketSource): Prisma.TicketWhereInput {
  switch (source.by) {
    case "requester":
      return { requesterId: source.userId };
    case "watcher":
      return { watchers: { some: { userId: source.userId } } };
    case "department":
      return { departmentId: source.id };
    case "organization":
      return { organizationId: source.id };
  }
}

export function visibleTicketsWhere(viewer: Viewer | SystemPrincipal): Prisma.TicketWhereInput {
  const scope = visibleScope(viewer);
  if (scope.kind === "all") return {};
  if (scope.kind === "none") return nothing;
  return { OR: scope.sources.map(sourceWhere) };
}

/** The same source as SQL on `"Ticket"` aliased `t`. */
export function sourceSql(source: TicketSource): Prisma.Sql {
  switch (source.by) {
    case "requester":
      return Prisma.sql`t."requesterId" = ${source.userId}::uuid`;
    case "watcher":
      return Prisma.sql`t.id IN (SELECT w."ticketId" FROM "Watcher" w WHERE w."userId" = ${source.userId}::uuid)`;
    case "department":
      return Prisma.sql`t."departmentId" = ${source.id}`;
    case "organization":
      return Prisma.sql`t."organizationId" = ${source.id}::uuid`;
  }
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
