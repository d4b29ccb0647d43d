// Every report of the reports page for one filter, in the reader's language: one call, several
// small SQL aggregates run side by side.
import type { Db } from "../db";
import type { Priority } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { backlogReport } from "./backlog";
import { csatReport } from "./csat";
import { reportRange, type ReportFilter, type ReportViewer } from "./filter";
import { medianTimesReport } from "./median-times";
import { slaAttainmentReport } from "./sla-attainment";
import { volumeReport } from "./volume";
import { workloadReport } from "./workload";

export const REPORT_NAMES = [
  "volume",
  "backlog",
  "sla-priority",
  "sla-department",
  "median-times",
  "csat",
  "csat-comments",
  "workload",
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export async function reportsOverview(db: Db, viewer: ReportViewer, filter: ReportFilter, locale: AppLocale) {
  reportRange(filter, viewer.timeZone); // refuses a bad range before any query
  const t = translator(locale);
  const [volume, backlog, sla, medianTimes, csat, workload] = await Promise.all([
    volumeReport(db, viewer, filter),
    backlogReport(db, viewer, filter),
    slaAttainmentReport(db, viewer, filter, locale, (p: Priority) => t(`Priorities.${p}`)),
    medianTimesReport(db, viewer, filter),
    csatReport(db, viewer, filter),
    workloadReport(db, viewer, filter),
  ]);
  return { volume, backlog, sla, medianTimes, csat, workload };
}

export type ReportsOverview = Awaited<ReturnType<typeof reportsOverview>>;
