// SLA attainment of the tickets created in the range, per clock (first response, resolution), by
// priority and by department. A ticket counts for a clock once the clock is decided: met (the
// response or resolution came, no breach recorded) or breached (a sla_breached event for that
// clock, server/sla/sla-alerts.ts). Tickets whose clock still runs are not counted yet.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { Priority } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { reportRange, scopeSql, type ReportFilter, type ReportViewer } from "./filter";

export type Attainment = { measured: number; met: number; breached: number; percent: number | null };
export type AttainmentRow = { key: string; label: string; firstResponse: Attainment; resolution: Attainment };
export type SlaAttainmentReport = { byPriority: AttainmentRow[]; byDepartment: AttainmentRow[] };

const PRIORITIES: Priority[] = ["low", "medium", "high", "urgent", "critical"];

type Raw = { key: string; fr_measured: number; fr_breached: number; res_measured: number; res_breached: number };

const attainment = (measured: number, breached: number): Attainment => ({
  measured,
  met: measured - breached,
  breached,
  percent: measured === 0 ? null : Math.round(((measured - breached) / measured) * 1000) / 10,
});

export async function slaAttainmentReport(
  db: Db,
  viewer: ReportViewer,
  filter: ReportFilter,
  locale: AppLocale,
  priorityName: (p: Priority) => string,
): Promise<SlaAttainmentReport> {
  const r = reportRange(filter, viewer.timeZone);
  const grouped = (key: Prisma.Sql) =>
    db.$queryRaw<Raw[]>(Prisma.sql`
    WITH tickets AS (
      SELECT ${key} AS key, t."firstResponseAt", t."resolvedAt",
        EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t.id AND e.kind = 'sla_breached' AND e.detail = 'first_response') AS fr_breached,
        EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t.id AND e.kind = 'sla_breached' AND e.detail = 'resolution') AS res_breached
      FROM "Ticket" t
      WHERE ${scopeSql(viewer, filter)} AND t."createdAt" >= ${r.start} AND t."createdAt" < ${r.end}
    )
    SELECT key,
      count(*) FILTER (WHERE fr_breached OR "firstResponseAt" IS NOT NULL)::int AS fr_measured,
      count(*) FILTER (WHERE fr_breached)::int AS fr_breached,
      count(*) FILTER (WHERE res_breached OR "resolvedAt" IS NOT NULL)::int AS res_measured,
      count(*) FILTER (WHERE res_breached)::int AS res_breached
    FROM tickets GROUP BY key`);
  const [byPriority, byDepartment, departments] = await Promise.all([
    grouped(Prisma.sql`t.priority::text`),
    grouped(Prisma.sql`t."departmentId"::text`),
    db.department.findMany({ select: { id: true, name: true, nameTranslations: true }, orderBy: { name: "asc" } }),
  ]);
  const row = (key: string, label: string, raw: Raw | undefined): AttainmentRow => ({
    key,
    label,
    firstResponse: attainment(Number(raw?.fr_measured ?? 0), Number(raw?.fr_breached ?? 0)),
    resolution: attainment(Number(raw?.res_measured ?? 0), Number(raw?.res_breached ?? 0)),
  });
  const priorityRows = new Map(byPriority.map((x) => [x.key, x]));
  const departmentRows = new Map(byDepartment.map((x) => [x.key, x]));
  return {
    byPriority: PRIORITIES.filter((p) => priorityRows.has(p)).map((p) => row(p, priorityName(p), priorityRows.get(p))),
    byDepartment: departments
      .filter((d) => departmentRows.has(String(d.id)))
      .map((d) => row(String(d.id), localized(d.name, d.nameTranslations, locale), departmentRows.get(String(d.id)))),
  };
}
