// Mis Tickets (and, for staff, the same list over their departments): a tab, filters, a search
// over number, subject, services and message bodies, a sort, and cursor pagination. Everything is
// narrowed by the visibility rule first.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { TicketQuery } from "./commands";
import { ticketsWithMatchingMessages } from "./message-search";
import { formatTicketNumber, parseTicketRef } from "../domain/numbering";
import { foldText } from "../domain/search-text";
import { statusTabs } from "../domain/state-machine";
import { visibleTicketsWhere, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";

export const ticketRowSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  type: true,
  channel: true,
  createdAt: true,
  updatedAt: true,
  escalatedAt: true,
  department: { select: { id: true, name: true, slug: true } },
  organization: { select: { id: true, name: true } },
  requester: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} as const satisfies Prisma.TicketSelect;

/** What support staff also see on a row: the SLA clock that breaches next. */
const slaSelect = { slaClock: true, slaNearAt: true, slaDueAt: true } as const satisfies Prisma.TicketSelect;

export async function searchWhere(db: Db, viewer: Viewer, q: string): Promise<Prisma.TicketWhereInput | undefined> {
  if (!q) return undefined;
  const ref = parseTicketRef(q);
  const kinds = isStaff(viewer) ? (["public", "internal"] as const) : (["public"] as const);
  const byMessage = await ticketsWithMatchingMessages(db, q, [...kinds]);
  const words = foldText(q).split(/\s+/).filter(Boolean);
  return {
    OR: [
      ...(ref && "number" in ref ? [{ number: ref.number }] : []),
      { AND: words.map((w) => ({ searchText: { contains: w } })) },
      ...(byMessage.length ? [{ id: { in: byMessage } }] : []),
    ],
  };
}

export async function listTickets(db: Db, viewer: Viewer, input: TicketQuery, now = new Date()) {
  const staff = isStaff(viewer);
  const tabStatuses = statusTabs[input.tab] as readonly string[];
  const statusFilter = input.status.length ? input.status.filter((s) => tabStatuses.includes(s)) : [...tabStatuses];
  const where: Prisma.TicketWhereInput = {
    AND: [
      visibleTicketsWhere(viewer),
      { status: { in: statusFilter as Prisma.EnumTicketStatusFilter["in"] } },
      input.priority.length ? { priority: { in: input.priority } } : {},
      input.departmentId.length ? { departmentId: { in: input.departmentId } } : {},
      input.view === "unassigned" ? { assigneeId: null } : input.view === "mine" ? { assigneeId: viewer.id } : {},
      // "SLA en riesgo / incumplido": past 80 % of the next target (or past it). Staff only.
      input.view === "sla" ? (staff ? { slaNearAt: { lte: now } } : { id: { in: [] } }) : {},
      (await searchWhere(db, viewer, input.q)) ?? {},
    ],
  };
  const field = { created: "createdAt", updated: "updatedAt", status: "status", sla: "slaDueAt" } as const;
  const order = input.sort === "sla" ? { sort: input.dir, nulls: "last" as const } : input.dir;
  const orderBy: Prisma.TicketOrderByWithRelationInput[] = [{ [field[input.sort]]: order }, { id: input.dir }];
  const rows = await db.ticket.findMany({
    where,
    orderBy,
    select: { ...ticketRowSelect, ...slaSelect },
    take: input.limit + 1,
    ...(input.page ? { skip: (input.page - 1) * input.limit } : input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const count = input.withCount ? await db.ticket.count({ where }) : null;
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ slaClock, slaNearAt, slaDueAt, ...t }) => ({
      ...t,
      reference: formatTicketNumber(t.number),
      sla: staff && slaClock ? { clock: slaClock, nearAt: slaNearAt, dueAt: slaDueAt } : null,
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
    count,
  };
}
