// /{locale}/agent/reports: the agent's and admin's reports for a date range (calendar days in the
// viewer's zone) and a department, both in the URL. Each chart comes with its numbers as a table
// right under it (the chart's text alternative) and as a CSV download.
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { instantToWallTime } from "../../../../server/i18n/time-zone";
import { reportTable } from "../../../../server/reports/csv";
import type { ReportName, ReportsOverview } from "../../../../server/reports/overview";
import { reportFilterInput } from "../../../../server/trpc/reports/reports.schema";
import { buttonClass, FormMessage, secondaryButtonClass } from "../../../_components/field";
import { titled } from "../../../_lib/page-title";
import { requireStaff, serverCaller } from "../../../_lib/viewer";
import { pageLocale } from "../../../_lib/page-title";
import { ReportChart } from "./report-chart";

export const generateMetadata = titled("Reports.title");

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Light and dark chart colours (each ≥ 3:1 on white and on slate-900), the grid and axis text. */
const chartColours =
  "[--chart-1:#0f766e] [--chart-2:#b45309] [--chart-3:#4338ca] [--chart-4:#be123c] [--chart-text:#334155] [--chart-grid:#94a3b8] [--chart-bg:#ffffff] " +
  "dark:[--chart-1:#2dd4bf] dark:[--chart-2:#fbbf24] dark:[--chart-3:#a5b4fc] dark:[--chart-4:#fb7185] dark:[--chart-text:#e2e8f0] dark:[--chart-grid:#64748b] dark:[--chart-bg:#0f172a]";

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  const t = await getTranslations("Reports");
  const tAll = await getTranslations();
  const sp = await searchParams;
  const today = instantToWallTime(new Date(), viewer.timeZone).slice(0, 10);
  const department = one(sp.department);
  const asked = {
    from: one(sp.from) || shiftDay(today, -29),
    to: one(sp.to) || today,
    departmentId: department ? Number(department) : null,
  };
  const caller = await serverCaller();
  const departments = await caller.reports.departments();
  const parsed = reportFilterInput.safeParse(asked);
  let data: ReportsOverview | null = null;
  let problem: string | null = null;
  try {
    if (!parsed.success) throw new Error("range");
    data = await caller.reports.overview(parsed.data);
  } catch {
    problem = tAll("Errors.reportRange");
  }
  const lang = pageLocale(locale);
  const csvHref = (report: ReportName) => {
    const q = new URLSearchParams({ from: asked.from, to: asked.to, locale: lang });
    if (asked.departmentId) q.set("department", String(asked.departmentId));
    return `/api/reports/${report}?${q}`;
  };
  const minutes = (m: number | null) => (m == null ? t("median.none") : t("minutes", { minutes: m }));

  const section = (id: ReportName, title: string, chart: ReactNode, extra?: ReactNode) => (
    <section
      aria-labelledby={`report-${id}`}
      className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      data-report={id}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`report-${id}`} className="text-lg font-semibold">
          {title}
        </h2>
        <a href={csvHref(id)} className={`${secondaryButtonClass} px-3 py-1`} download>
          {t("csv")}
          <span className="sr-only"> — {title}</span>
        </a>
      </div>
      {chart}
      {data && <ReportTable rows={reportTable(id, data, lang)} caption={title} />}
      {extra}
    </section>
  );

  return (
    <div className={`space-y-6 ${chartColours}`}>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("intro", { zone: viewer.timeZone })}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm font-medium">
          {t("from")}
          <input type="date" name="from" defaultValue={asked.from} required className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          {t("to")}
          <input type="date" name="to" defaultValue={asked.to} required className={input} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          {t("department")}
          <select name="department" defaultValue={asked.departmentId ? String(asked.departmentId) : ""} className={input}>
            <option value="">{t("allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
      </form>
      {problem && <FormMessage kind="error">{problem}</FormMessage>}
      {data && (
        <div className="grid gap-6 lg:grid-cols-2">
          {section(
            "volume",
            t("volume.title"),
            <ReportChart
              kind="line"
              xKey="day"
              data={data.volume.map((d) => ({ ...d, day: d.day.slice(5) }))}
              series={[
                { key: "created", label: t("columns.created"), color: 1 },
                { key: "solved", label: t("columns.solved"), color: 2 },
              ]}
              label={t("volume.summary", {
                created: data.volume.reduce((s, d) => s + d.created, 0),
                solved: data.volume.reduce((s, d) => s + d.solved, 0),
                from: asked.from,
                to: asked.to,
              })}
            />,
          )}
          {section(
            "backlog",
            t("backlog.title"),
            <ReportChart
              kind="bar"
              xKey="status"
              data={data.backlog.map((b) => ({ status: tAll(`Statuses.${b.status}`), count: b.count }))}
              series={[{ key: "count", label: t("columns.tickets"), color: 1 }]}
              label={t("backlog.summary", { total: data.backlog.reduce((s, b) => s + b.count, 0) })}
            />,
          )}
          {(["sla-priority", "sla-department"] as const).map((id) => {
            const rows = id === "sla-priority" ? data.sla.byPriority : data.sla.byDepartment;
            const key = id === "sla-priority" ? "slaPriority" : "slaDepartment";
            return (
              <div key={id} className="min-w-0 lg:col-span-2">
                {section(
                  id,
                  t(`${key}.title`),
                  <ReportChart
                    kind="bar"
                    xKey="label"
                    max={100}
                    data={rows.map((r) => ({ label: r.label, fr: r.firstResponse.percent, res: r.resolution.percent }))}
                    series={[
                      { key: "fr", label: t("columns.frPercent"), color: 1 },
                      { key: "res", label: t("columns.resPercent"), color: 3 },
                    ]}
                    label={
                      t(`${key}.summary`) +
                      " " +
                      rows.map((r) => `${r.label}: ${r.firstResponse.percent ?? "–"} % / ${r.resolution.percent ?? "–"} %`).join("; ")
                    }
                  />,
                )}
              </div>
            );
          })}
          {section(
            "median-times",
            t("median.title"),
            <ReportChart
              kind="bar"
              xKey="measure"
              data={[
                { measure: t("median.firstResponse"), minutes: data.medianTimes.firstResponse.minutes },
                { measure: t("median.resolution"), minutes: data.medianTimes.resolution.minutes },
              ]}
              series={[{ key: "minutes", label: t("columns.medianMinutes"), color: 3 }]}
              label={t("median.summary", {
                firstResponse: minutes(data.medianTimes.firstResponse.minutes),
                resolution: minutes(data.medianTimes.resolution.minutes),
              })}
            />,
          )}
          {section(
            "csat",
            t("csat.title"),
            <>
              <p className="mb-2 text-sm">
                {t("csat.average")}:{" "}
                <strong data-testid="csat-average">{data.csat.average == null ? t("csat.noAverage") : `${data.csat.average} / 5`}</strong>
              </p>
              <ReportChart
                kind="bar"
                xKey="stars"
                data={data.csat.distribution.map((d) => ({ stars: `${d.stars} ★`, count: d.count }))}
                series={[{ key: "count", label: t("columns.ratings"), color: 2 }]}
                label={t("csat.summary", { count: data.csat.count, average: data.csat.average ?? "–" })}
              />
            </>,
            <div className="mt-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{t("csat.comments")}</h3>
                <a href={csvHref("csat-comments")} className={`${secondaryButtonClass} px-3 py-1`} download>
                  {t("csv")}
                  <span className="sr-only"> — {t("csat.comments")}</span>
                </a>
              </div>
              {data.csat.comments.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("csat.noComments")}</p>
              ) : (
                <ul className="mt-2 space-y-2 text-sm" data-testid="csat-comments">
                  {data.csat.comments.map((c) => (
                    <li key={`${c.ticketNumber}-${c.at.toISOString()}`} className="rounded-md bg-slate-50 p-2 dark:bg-slate-800">
                      <span className="font-medium">
                        TK-{String(c.ticketNumber).padStart(6, "0")} · {c.stars} ★
                      </span>
                      <p className="whitespace-pre-wrap">{c.comment}</p>
                    </li>
                  ))}
                </ul>
              )}
            </div>,
          )}
          {section(
            "workload",
            t("workload.title"),
            <ReportChart
              kind="bar"
              xKey="name"
              data={data.workload.map((w) => ({ name: w.name, open: w.open, solved: w.solved }))}
              series={[
                { key: "open", label: t("columns.open"), color: 1 },
                { key: "solved", label: t("columns.solvedInRange"), color: 2 },
              ]}
              label={t("workload.summary") + " " + data.workload.map((w) => `${w.name}: ${w.open} / ${w.solved}`).join("; ")}
            />,
          )}
        </div>
      )}
    </div>
  );
}

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

function ReportTable({ rows, caption }: { rows: (string | number | null)[][]; caption: string }) {
  const [head, ...body] = rows;
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {head!.map((h, i) => (
              <th key={i} scope="col" className="px-2 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, r) => (
            <tr key={r} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="px-2 py-1 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className="px-2 py-1 tabular-nums">
                    {cell === null || cell === "" ? "–" : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
