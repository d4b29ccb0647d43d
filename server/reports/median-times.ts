// Median minutes from creation to the first response and to the resolution, of the tickets created
// in the range that have one (wall-clock minutes, computed by PostgreSQL's percentile_cont).
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { reportRange, scopeSql, type ReportFilter, type ReportViewer } from "./filter";

export type MedianTimes = {
  firstResponse: { minutes: number | null; tickets: number };
  resolution: { minutes: number | null; tickets: number };
};

export async function medianTimesReport(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<MedianTimes> {
  const r = reportRange(filter, viewer.timeZone);
  const [row] = await db.$queryRaw<{ fr: number | null; fr_n: number; res: number | null; res_n: number }[]>(Prisma.sql`
    SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t."firstResponseAt" - t."createdAt") / 60)
        FILTER (WHERE t."firstResponseAt" IS NOT NULL) AS fr,
      count(t."firstResponseAt")::int AS fr_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t."resolvedAt" - t."createdAt") / 60)
        FILTER (WHERE t."resolvedAt" IS NOT NULL) AS res,
      count(t."resolvedAt")::int AS res_n
    FROM "Ticket" t
    WHERE ${scopeSql(viewer, filter)} AND t."createdAt" >= ${r.start} AND t."createdAt" < ${r.end}`);
  const minutes = (v: number | null | undefined) => (v == null ? null : Math.round(Number(v)));
  return {
    firstResponse: { minutes: minutes(row?.fr), tickets: Number(row?.fr_n ?? 0) },
    resolution: { minutes: minutes(row?.res), tickets: Number(row?.res_n ?? 0) },
  };
}
