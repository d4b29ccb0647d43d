// Each report as CSV, headers in the reader's language, from the same use-case (and so the same
// visibility rule) as the page. Cells go through the export's csvCell (formula injection guarded).
import type { Db } from "../db";
import { formatTicketNumber } from "../domain/numbering";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { csvCell } from "../tickets/export/export-tickets";
import type { ReportFilter, ReportViewer } from "./filter";
import { reportsOverview, type ReportName } from "./overview";
import type { AttainmentRow } from "./sla-attainment";

type Cell = string | number | null;

const pct = (v: number | null) => (v == null ? "" : String(v));

export function reportTable(report: ReportName, data: Awaited<ReturnType<typeof reportsOverview>>, locale: AppLocale): Cell[][] {
  const t = translator(locale);
  const h = (key: string) => t(`Reports.columns.${key}`);
  const slaRows = (rows: AttainmentRow[], first: string): Cell[][] => [
    [h(first), h("frMeasured"), h("frBreached"), h("frPercent"), h("resMeasured"), h("resBreached"), h("resPercent")],
    ...rows.map((r) => [
      r.label,
      r.firstResponse.measured,
      r.firstResponse.breached,
      pct(r.firstResponse.percent),
      r.resolution.measured,
      r.resolution.breached,
      pct(r.resolution.percent),
    ]),
  ];
  switch (report) {
    case "volume":
      return [[h("day"), h("created"), h("solved")], ...data.volume.map((d) => [d.day, d.created, d.solved])];
    case "backlog":
      return [[h("status"), h("tickets")], ...data.backlog.map((b) => [t(`Statuses.${b.status}`), b.count])];
    case "sla-priority":
      return slaRows(data.sla.byPriority, "priority");
    case "sla-department":
      return slaRows(data.sla.byDepartment, "department");
    case "median-times":
      return [
        [h("measure"), h("medianMinutes"), h("tickets")],
        [t("Reports.median.firstResponse"), data.medianTimes.firstResponse.minutes, data.medianTimes.firstResponse.tickets],
        [t("Reports.median.resolution"), data.medianTimes.resolution.minutes, data.medianTimes.resolution.tickets],
      ];
    case "csat":
      return [[h("stars"), h("ratings")], ...data.csat.distribution.map((d) => [d.stars, d.count])];
    case "csat-comments":
      return [
        [h("ticket"), h("stars"), h("comment"), h("date")],
        ...data.csat.comments.map((c) => [formatTicketNumber(c.ticketNumber), c.stars, c.comment, c.at.toISOString()]),
      ];
    case "workload":
      return [[h("assignee"), h("open"), h("solvedInRange")], ...data.workload.map((w) => [w.name, w.open, w.solved])];
  }
}

export async function reportCsv(db: Db, viewer: ReportViewer, filter: ReportFilter, locale: AppLocale, report: ReportName) {
  const data = await reportsOverview(db, viewer, filter, locale);
  const rows = reportTable(report, data, locale);
  const text = "\uFEFF" + rows.map((row) => row.map((c) => csvCell(c == null ? null : String(c))).join(",")).join("\r\n") + "\r\n";
  return { filename: `${report}_${filter.from}_${filter.to}.csv`, text };
}
