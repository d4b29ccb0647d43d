// The backlog now: tickets not yet solved, by status (the range does not apply: it is a snapshot).
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { scopeSql, UNSOLVED_STATUSES, unsolvedSql, type ReportFilter, type ReportViewer } from "./filter";

export type BacklogRow = { status: (typeof UNSOLVED_STATUSES)[number]; count: number };

export async function backlogReport(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<BacklogRow[]> {
  const rows = await db.$queryRaw<{ status: string; n: number }[]>(Prisma.sql`
    SELECT t.status::text AS status, count(*)::int AS n FROM "Ticket" t
    WHERE ${scopeSql(viewer, filter)} AND ${unsolvedSql}
    GROUP BY 1`);
  const counts = new Map(rows.map((row) => [row.status, Number(row.n)]));
  return UNSOLVED_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
