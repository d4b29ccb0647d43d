// The ticket list's SQL. A viewer's scope is a union of sources (server/access/visibility.ts); one
// `WHERE a OR b OR c` over them keeps PostgreSQL off the indexes that hold each source in the
// list's order, so at a million tickets it would sort a whole organization or department for every
// page. Instead each source (each department, each organization, the viewer's own and followed
// tickets) is its own branch, read in order from its index — (departmentId | organizationId, status,
// sort column, id), migration 0011 — and only the page's worth of each branch is merged. The keyword
// search is a condition on the ticket's own row (its number, subject, services and thread's words,
// migration 0012), checked as each branch reads.
import { Prisma } from "../db/generated/client";
import type { TicketQuery } from "./commands";
import { sourceSql, type TicketScope, type TicketSource } from "../access/visibility";
import { parseTicketRef } from "../domain/numbering";
import { foldText } from "../domain/search-text";
import { isFinished, statusTabs, type TicketStatus } from "../domain/state-machine";
import { pausedStatuses } from "../sla/sla-clock";
import { prefixQuery } from "./message-search";

export interface ListFilters extends Pick<TicketQuery, "view" | "tab" | "q" | "status" | "priority" | "departmentId" | "tags"> {
  viewerId: string;
  /** Support staff: the SLA view and internal notes count. */
  staff: boolean;
  now: Date;
}

export type SortField = TicketQuery["sort"];
export interface Keyset {
  value: Date | string | null;
  id: string;
}

const column = {
  created: Prisma.raw(`t."createdAt"`),
  updated: Prisma.raw(`t."updatedAt"`),
  status: Prisma.raw(`t.status`),
  sla: Prisma.raw(`t."slaDueAt"`),
};

/** ORDER BY for a sort: the SLA deadline puts tickets without a running clock last either way. */
function orderSql(sort: SortField, dir: "asc" | "desc"): Prisma.Sql {
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${column[sort]} ${d}${Prisma.raw(sort === "sla" ? " NULLS LAST" : "")}, t.id ${d}`;
}

function statusesOf(f: ListFilters): TicketStatus[] {
  const tab = statusTabs[f.tab] as readonly TicketStatus[];
  const chosen = f.status.length ? f.status.filter((s) => tab.includes(s)) : [...tab];
  // A paused or finished ticket has no SLA deadline (server/sla/ticket-sla.ts), so the SLA view
  // never holds one: no branch reads those statuses only to find nothing (84 000 rows of a large
  // department's waiting tickets, 150 ms).
  return f.view === "sla" ? chosen.filter((s) => !pausedStatuses.has(s) && !isFinished(s)) : chosen;
}

/** `column IN (a, b, …)` with one typed parameter per value (never an array parameter: the embedded
 * database's adapter has sent arrays as "a,b" text, refused as a malformed array literal). */
function inList(column: Prisma.Sql, values: readonly (string | number)[], cast: string): Prisma.Sql {
  if (!values.length) return Prisma.sql`false`;
  return Prisma.sql`${column} IN (${Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(cast)}`))})`;
}

/** Everything but the scope and the keyword: statuses (all of the tab's, or one per branch),
 * priority, department, queue view. */
function filterSql(f: ListFilters, status?: TicketStatus): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  parts.push(status ? Prisma.sql`t.status = ${status}::"TicketStatus"` : inList(Prisma.sql`t.status`, statusesOf(f), '"TicketStatus"'));
  if (f.priority.length) parts.push(inList(Prisma.sql`t.priority`, f.priority, '"Priority"'));
  if (f.departmentId.length) parts.push(inList(Prisma.sql`t."departmentId"`, f.departmentId, "int"));
  // Tags (staff only): one probe of TicketTag's primary key (ticketId, tagId) per row the branch
  // reads, against the few tag ids the names stand for (Tag.name is unique), so the branch keeps
  // reading its own index in order; a customer's tags are ignored.
  if (f.staff && f.tags.length)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "TicketTag" tt WHERE tt."ticketId" = t.id AND tt."tagId" = ANY(ARRAY(SELECT g.id FROM "Tag" g WHERE ${inList(Prisma.sql`g.name`, f.tags, "text")})))`,
    );
  if (f.view === "unassigned") parts.push(Prisma.sql`t."assigneeId" IS NULL`);
  if (f.view === "mine") parts.push(Prisma.sql`t."assigneeId" = ${f.viewerId}::uuid`);
  // "SLA en riesgo / incumplido": past 80 % of the next target (or past it). Staff only.
  if (f.view === "sla") parts.push(f.staff ? Prisma.sql`t."slaNearAt" <= ${f.now}` : Prisma.sql`false`);
  return parts;
}

/** The SLA sort reads deadlines and "no clock" as two parts, each in index order: deadlines
 * first (ascending or descending), then the tickets without one. */
interface Part {
  where: Prisma.Sql;
  order: Prisma.Sql;
}

function partsOf(sort: SortField, dir: "asc" | "desc", after: Keyset | null, view: ListFilters["view"]): Part[] {
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const op = Prisma.raw(dir === "asc" ? ">" : "<");
  const col = column[sort];
  if (sort !== "sla") {
    const order = Prisma.sql`${col} ${d}, t.id ${d}`;
    if (!after) return [{ where: Prisma.empty, order }];
    const value = sort === "status" ? Prisma.sql`${after.value}::"TicketStatus"` : Prisma.sql`${after.value}::timestamp(3)`;
    // A row comparison, so the index on (…, sort column, id) starts right after the keyset.
    return [{ where: Prisma.sql`AND (${col}, t.id) ${op} (${value}, ${after.id}::uuid)`, order }];
  }
  const dated: Part = {
    where:
      after === null
        ? Prisma.sql`AND ${col} IS NOT NULL`
        : after.value === null
          ? Prisma.sql`AND false`
          : Prisma.sql`AND ${col} IS NOT NULL AND (${col}, t.id) ${op} (${after.value}::timestamp(3), ${after.id}::uuid)`,
    order: Prisma.sql`${col} ${d}, t.id ${d}`,
  };
  // Ordered by the (null) deadline too, so the same (…, slaDueAt, id) index serves it.
  const undated: Part = {
    where: after?.value === null ? Prisma.sql`AND ${col} IS NULL AND t.id ${op} ${after.id}::uuid` : Prisma.sql`AND ${col} IS NULL`,
    order: Prisma.sql`${col} ${d}, t.id ${d}`,
  };
  // The "SLA en riesgo" view holds only tickets with a running clock, hence a deadline.
  return view === "sla" ? [dated] : [dated, undated];
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The keyword: the ticket's number, a partial word of its subject or services (trigram index),
 * or words of its thread (full-text index) — all conditions on the ticket's own row, so a branch
 * checks them as it reads (a common word) or the planner starts from the indexes (a rare one). */
function keywordSql(q: string, staff: boolean): Prisma.Sql {
  if (!q) return Prisma.empty;
  const ref = parseTicketRef(q);
  // "TK-000042" is that ticket (and the messages that mention it): its trigrams ("000", "tk-")
  // are in every ticket's number, so the partial-word index would read them all for nothing.
  const explicitRef = ref !== null && "number" in ref && /^tk/i.test(q.trim());
  const words = explicitRef ? [] : foldText(q).split(/\s+/).filter(Boolean);
  const tsquery = prefixQuery(q);
  const alternatives = [
    ...(ref && "number" in ref ? [Prisma.sql`t.number = ${ref.number}`] : []),
    ...(words.length
      ? [
          Prisma.sql`(${Prisma.join(
            words.map((w) => Prisma.sql`t."searchText" LIKE ${`%${escapeLike(w)}%`}`),
            " AND ",
          )})`,
        ]
      : []),
    ...(tsquery ? [Prisma.sql`${Prisma.raw(staff ? `t."searchStaff"` : `t."searchPublic"`)} @@ to_tsquery('simple', ${tsquery})`] : []),
  ];
  return alternatives.length ? Prisma.sql`AND (${Prisma.join(alternatives, " OR ")})` : Prisma.sql`AND false`;
}

/** The branches' leading conditions: one per source; for everything, one per chosen department
 * (so each still reads its department's index), or the whole table. */
function leads(scope: TicketScope, f: ListFilters): Prisma.Sql[] {
  if (scope.kind === "none") return [];
  if (scope.kind === "all")
    return f.departmentId.length ? f.departmentId.map((id) => Prisma.sql`t."departmentId" = ${id}`) : [Prisma.sql`true`];
  return scope.sources
    .filter((s: TicketSource) => !(s.by === "department" && f.departmentId.length && !f.departmentId.includes(s.id)))
    .map(sourceSql);
}

/** One page: `take` rows after `skip`, or after a keyset, with what a row shows. */
export function pageSql(
  scope: TicketScope,
  f: ListFilters,
  sort: SortField,
  dir: "asc" | "desc",
  take: number,
  skip: number,
  after: Keyset | null,
): Prisma.Sql | null {
  const window = take + skip;
  const branches: Prisma.Sql[] = [];
  // One branch per status as well: the indexes lead with (source, status), so each branch reads
  // its rows already in order, however the statuses are spread over time (a department's old
  // tickets are all closed; its open ones are recent). A branch sorted by status is then one
  // status in id order, so the status sort needs no index of its own beyond (source, status, id).
  const keyword = keywordSql(f.q, f.staff);
  for (const lead of leads(scope, f))
    for (const status of statusesOf(f)) {
      const conditions = Prisma.join(filterSql(f, status), " AND ");
      for (const part of partsOf(sort, dir, after, f.view))
        branches.push(
          Prisma.sql`(SELECT t.id, ${column[sort]} AS k FROM "Ticket" t WHERE ${lead} AND ${conditions} ${keyword} ${part.where} ORDER BY ${part.order} LIMIT ${window})`,
        );
    }
  if (!branches.length) return null;
  // UNION drops a ticket reached by two branches (asked for and followed, say).
  const outerOrder = Prisma.sql`k ${Prisma.raw(dir === "asc" ? "ASC" : "DESC")}${Prisma.raw(sort === "sla" ? " NULLS LAST" : "")}, id ${Prisma.raw(dir === "asc" ? "ASC" : "DESC")}`;
  const ids = Prisma.sql`SELECT id, k FROM (${Prisma.join(branches, " UNION ")}) AS page ORDER BY ${outerOrder} LIMIT ${take} OFFSET ${skip}`;
  // The page's rows with the names they show, in the same statement.
  return Prisma.sql`
    WITH page AS (${ids})
    SELECT t.id, t.number, t.subject, t.status::text AS status, t.priority::text AS priority, t.type::text AS type,
           t.channel::text AS channel, t."createdAt", t."updatedAt", t."escalatedAt",
           t."slaClock"::text AS "slaClock", t."slaNearAt", t."slaDueAt",
           d.id AS "departmentId", d.name AS "departmentName", d."nameTranslations" AS "departmentTranslations", d.slug AS "departmentSlug",
           o.id AS "organizationId", o.name AS "organizationName",
           r.id AS "requesterId", r.name AS "requesterName", a.id AS "assigneeId", a.name AS "assigneeName"
    FROM page JOIN "Ticket" t ON t.id = page.id
      JOIN "Department" d ON d.id = t."departmentId"
      LEFT JOIN "Organization" o ON o.id = t."organizationId"
      JOIN "User" r ON r.id = t."requesterId"
      LEFT JOIN "User" a ON a.id = t."assigneeId"
    ORDER BY ${orderSql(sort, dir)}`;
}

/** One row of pageSql, as the database returns it. */
export interface PageRow {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  type: string;
  channel: string;
  createdAt: Date;
  updatedAt: Date;
  escalatedAt: Date | null;
  slaClock: string | null;
  slaNearAt: Date | null;
  slaDueAt: Date | null;
  departmentId: number;
  departmentName: string;
  departmentTranslations: unknown;
  departmentSlug: string;
  organizationId: string | null;
  organizationName: string | null;
  requesterId: string;
  requesterName: string;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** How many tickets match: each source counts only what no earlier source already counted. With
 * `cap` (the queue's tab counts, "999+"), each source stops reading at `cap` rows and the answer is
 * at most `cap`: a tab over a large department costs a bounded index read, not a full count. */
export function countSql(scope: TicketScope, f: ListFilters, cap?: number): Prisma.Sql | null {
  const limit = cap === undefined ? undefined : Prisma.sql`${cap}::int`;
  const conditions = Prisma.join(filterSql(f), " AND ");
  const all = leads(scope, f);
  if (!all.length) return null;
  const keyword = keywordSql(f.q, f.staff);
  const parts = all.map((lead, i) => {
    const earlier = all.slice(0, i).map((e) => Prisma.sql`AND (${e}) IS NOT TRUE`);
    const where = Prisma.sql`${lead} AND ${conditions} ${keyword} ${earlier.length ? Prisma.join(earlier, " ") : Prisma.empty}`;
    return cap === undefined
      ? Prisma.sql`(SELECT count(*) FROM "Ticket" t WHERE ${where})`
      : Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "Ticket" t WHERE ${where} LIMIT ${limit}) AS capped)`;
  });
  const sum = Prisma.sql`(${Prisma.join(parts, " + ")})`;
  return cap === undefined ? Prisma.sql`SELECT ${sum}::int AS count` : Prisma.sql`SELECT least(${sum}, ${limit})::int AS count`;
}
