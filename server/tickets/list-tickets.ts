// Mis Tickets (and, for staff, the same list over their departments): a tab, filters, a search
// over number, subject, services and message bodies, a sort, and cursor or numbered pagination.
// Everything is narrowed by the visibility rule first; the SQL is in list-query.ts.
import type { Db } from "../db";
import type { Channel, Priority, SlaClock, TicketStatus, TicketType } from "../db/generated/enums";
import type { TicketQuery } from "./commands";
import { countSql, pageSql, type Keyset, type PageRow, type SortField } from "./list-query";
import { formatTicketNumber } from "../domain/numbering";
import { visibleScope, visibleTicketsWhere, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";

/** The keyset of the cursor's row in this sort; null when the viewer cannot see it (an empty page). */
async function keysetOf(db: Db, viewer: Viewer, cursor: string, sort: SortField): Promise<Keyset | null> {
  const row = await db.ticket.findFirst({
    where: { AND: [visibleTicketsWhere(viewer), { id: cursor }] },
    select: { id: true, createdAt: true, updatedAt: true, status: true, slaDueAt: true },
  });
  if (!row) return null;
  const value = { created: row.createdAt, updated: row.updatedAt, status: row.status, sla: row.slaDueAt }[sort];
  return { id: row.id, value };
}

function rowOf(r: PageRow, staff: boolean, locale: AppLocale) {
  return {
    id: r.id,
    number: r.number,
    reference: formatTicketNumber(r.number),
    subject: r.subject,
    status: r.status as TicketStatus,
    priority: r.priority as Priority,
    type: r.type as TicketType,
    channel: r.channel as Channel,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    escalatedAt: r.escalatedAt,
    department: { id: r.departmentId, name: localized(r.departmentName, r.departmentTranslations, locale), slug: r.departmentSlug },
    organization: r.organizationId ? { id: r.organizationId, name: r.organizationName! } : null,
    requester: { id: r.requesterId, name: r.requesterName },
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName! } : null,
    sla: staff && r.slaClock ? { clock: r.slaClock as SlaClock, nearAt: r.slaNearAt, dueAt: r.slaDueAt } : null,
  };
}

export async function listTickets(db: Db, viewer: Viewer, input: TicketQuery, locale: AppLocale, now = new Date()) {
  const staff = isStaff(viewer);
  // The SLA deadline is support's: customers never see it, so they cannot sort by it either.
  const sort: SortField = input.sort === "sla" && !staff ? "updated" : input.sort;
  const scope = visibleScope(viewer);
  const filters = { ...input, viewerId: viewer.id, staff, now };
  const after = !input.page && input.cursor ? await keysetOf(db, viewer, input.cursor, sort) : null;
  const empty = !input.page && input.cursor && !after;
  const skip = input.page ? (input.page - 1) * input.limit : 0;
  const page = empty ? null : pageSql(scope, filters, sort, input.dir, input.limit + 1, skip, after);
  const counting = input.withCount ? countSql(scope, filters) : null;
  const [rows, count] = await Promise.all([
    page ? db.$queryRaw<PageRow[]>(page) : Promise.resolve([]),
    counting ? db.$queryRaw<{ count: number }[]>(counting).then((r) => r[0]!.count) : Promise.resolve(input.withCount ? 0 : null),
  ]);
  const shown = rows.slice(0, input.limit);
  return {
    items: shown.map((r) => rowOf(r, staff, locale)),
    nextCursor: rows.length > input.limit ? shown[shown.length - 1]!.id : null,
    count,
  };
}
