// Satisfaction: the ratings given in the range on tickets the viewer may see — their average, how
// many of each 1–5 stars, and the latest comments.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { reportRange, scopeSql, type ReportFilter, type ReportViewer } from "./filter";

export const COMMENTS_SHOWN = 50;

export type CsatReport = {
  count: number;
  average: number | null;
  distribution: { stars: number; count: number }[];
  comments: { ticketNumber: number; stars: number; comment: string; at: Date }[];
};

export async function csatReport(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<CsatReport> {
  const r = reportRange(filter, viewer.timeZone);
  const where = Prisma.sql`${scopeSql(viewer, filter)} AND g."createdAt" >= ${r.start} AND g."createdAt" < ${r.end}`;
  const [counts, comments] = await Promise.all([
    db.$queryRaw<{ stars: number; n: number }[]>(Prisma.sql`
      SELECT g.stars, count(*)::int AS n FROM "Rating" g JOIN "Ticket" t ON t.id = g."ticketId"
      WHERE ${where} GROUP BY g.stars`),
    db.$queryRaw<{ number: number; stars: number; comment: string; at: Date }[]>(Prisma.sql`
      SELECT t.number, g.stars, g.comment, g."createdAt" AS at FROM "Rating" g JOIN "Ticket" t ON t.id = g."ticketId"
      WHERE ${where} AND g.comment IS NOT NULL AND btrim(g.comment) <> ''
      ORDER BY g."createdAt" DESC LIMIT ${COMMENTS_SHOWN}`),
  ]);
  const byStars = new Map(counts.map((c) => [Number(c.stars), Number(c.n)]));
  const distribution = [1, 2, 3, 4, 5].map((stars) => ({ stars, count: byStars.get(stars) ?? 0 }));
  const count = distribution.reduce((sum, d) => sum + d.count, 0);
  const total = distribution.reduce((sum, d) => sum + d.stars * d.count, 0);
  return {
    count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    distribution,
    comments: comments.map((c) => ({ ticketNumber: Number(c.number), stars: Number(c.stars), comment: c.comment, at: c.at })),
  };
}
