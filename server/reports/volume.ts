// Tickets created and solved (first resolved) per calendar day of the viewer's zone, every day of
// the range listed, zeros included. Two aggregates in SQL: no ticket is loaded.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { reportRange, scopeSql, type ReportFilter, type ReportViewer } from "./filter";

export type VolumeDay = { day: string; created: number; solved: number };

export async function volumeReport(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<VolumeDay[]> {
  const r = reportRange(filter, viewer.timeZone);
  const scope = scopeSql(viewer, filter);
  const rows = await db.$queryRaw<{ day: string; created: number; solved: number }[]>(Prisma.sql`
    WITH days AS (
      SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(${r.from}::date, ${r.to}::date, interval '1 day') AS d
    ),
    created AS (
      SELECT to_char(t."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${r.timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "Ticket" t
      WHERE ${scope} AND t."createdAt" >= ${r.start} AND t."createdAt" < ${r.end}
      GROUP BY 1
    ),
    solved AS (
      SELECT to_char(t."resolvedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${r.timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "Ticket" t
      WHERE ${scope} AND t."resolvedAt" >= ${r.start} AND t."resolvedAt" < ${r.end}
      GROUP BY 1
    )
    SELECT days.day, coalesce(created.n, 0)::int AS created, coalesce(solved.n, 0)::int AS solved
    FROM days LEFT JOIN created USING (day) LEFT JOIN solved USING (day)
    ORDER BY days.day`);
  return rows.map((row) => ({ day: row.day, created: Number(row.created), solved: Number(row.solved) }));
}
