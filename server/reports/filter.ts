// What every report is asked for: calendar days from–to in the viewer's time zone and, optionally,
// one department. The scope is the visibility rule (agents: their departments and their own
// tickets; admins: everything) rendered as SQL on "Ticket" aliased `t`, plus the department filter.
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { wallTimeToInstant } from "../i18n/time-zone";
import { sourceSql, visibleScope, type Viewer } from "../access/visibility";

export type ReportFilter = { from: string; to: string; departmentId?: number | null };
export type ReportViewer = Viewer & { timeZone: string };

/** The longest range a report covers (days), so a per-day series stays small. */
export const MAX_RANGE_DAYS = 366;

export type ReportRange = {
  /** First instant of `from` in the viewer's zone. */
  start: Date;
  /** First instant of the day after `to` (exclusive end). */
  end: Date;
  from: string;
  to: string;
  timeZone: string;
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function reportRange(filter: ReportFilter, timeZone: string): ReportRange {
  const start = wallTimeToInstant(`${filter.from}T00:00`, timeZone);
  const end = wallTimeToInstant(`${nextDay(filter.to)}T00:00`, timeZone);
  if (!start || !end || end <= start) throw new AppError("invalid_input", "reportRange");
  const days = Math.round((Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000) + 1;
  if (days > MAX_RANGE_DAYS) throw new AppError("invalid_input", "reportRange");
  return { start, end, from: filter.from, to: filter.to, timeZone };
}

/** The tickets the viewer may see, of the chosen department: a condition on `t`. */
export function scopeSql(viewer: Viewer, filter: ReportFilter): Prisma.Sql {
  const scope = visibleScope(viewer);
  const visible =
    scope.kind === "all"
      ? Prisma.sql`TRUE`
      : scope.kind === "none"
        ? Prisma.sql`FALSE`
        : Prisma.sql`(${Prisma.join(scope.sources.map(sourceSql), " OR ")})`;
  const department = filter.departmentId ? Prisma.sql`t."departmentId" = ${filter.departmentId}` : Prisma.sql`TRUE`;
  return Prisma.sql`${visible} AND ${department} AND t."mergedIntoId" IS NULL`;
}

export const UNSOLVED_STATUSES = ["new", "open", "pending_customer", "on_hold", "reopened"] as const;
export const unsolvedSql = Prisma.sql`t.status::text IN (${Prisma.join([...UNSOLVED_STATUSES])})`;
