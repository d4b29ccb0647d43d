// Each assignee's load: the tickets assigned to them that are not solved now, and how many they
// solved (resolved while assigned to them) in the range. Staff without either are left out.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { reportRange, scopeSql, unsolvedSql, type ReportFilter, type ReportViewer } from "./filter";

export type WorkloadRow = { assigneeId: string; name: string; open: number; solved: number };

export async function workloadReport(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<WorkloadRow[]> {
  const r = reportRange(filter, viewer.timeZone);
  const rows = await db.$queryRaw<{ id: string; name: string; open: number; solved: number }[]>(Prisma.sql`
    SELECT u.id::text AS id, u.name,
      count(*) FILTER (WHERE ${unsolvedSql})::int AS open,
      count(*) FILTER (WHERE t."resolvedAt" >= ${r.start} AND t."resolvedAt" < ${r.end})::int AS solved
    FROM "Ticket" t JOIN "User" u ON u.id = t."assigneeId"
    WHERE ${scopeSql(viewer, filter)} AND (${unsolvedSql} OR (t."resolvedAt" >= ${r.start} AND t."resolvedAt" < ${r.end}))
    GROUP BY u.id, u.name
    ORDER BY open DESC, solved DESC, u.name`);
  return rows.map((row) => ({ assigneeId: row.id, name: row.name, open: Number(row.open), solved: Number(row.solved) }));
}
