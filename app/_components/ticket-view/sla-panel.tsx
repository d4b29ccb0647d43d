// The ticket's SLA for support staff, explained: for each clock its state, target, time used and
// deadline, then the segments of the status history — which counted, which were paused by the
// status, which only partly counted because they fell outside the calendar's working hours.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { serverCaller } from "../../_lib/viewer";
import { formatDuration } from "../sla/format-duration";

const stateStyle = {
  running: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  paused: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400",
  met: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  near_breach: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  breached: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

export async function SlaPanel({ ticketId, timeZone }: { ticketId: string; timeZone: string }) {
  const [sla, t, format, locale] = await Promise.all([
    (await serverCaller()).tickets.sla({ ticket: ticketId }),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  const box = "flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900";
  if (!sla)
    return (
      <section className={box}>
        <h2 className="font-semibold">{t("Sla.title")}</h2>
        <p>{t("Sla.none")}</p>
      </section>
    );
  return (
    <section className={box} data-testid="sla-panel" aria-labelledby="sla-title">
      <h2 id="sla-title" className="font-semibold">
        {t("Sla.title")}
      </h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("Sla.calendar", { name: sla.calendar.name, timeZone: sla.calendar.timeZone })}
      </p>
      {(["first_response", "resolution"] as const).map((clock) => {
        const c = sla.clocks[clock];
        return (
          <div key={clock} className="flex flex-col gap-1" data-testid={`sla-clock-${clock}`} data-state={c.state}>
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{t(`Sla.clocks.${clock}`)}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${stateStyle[c.state]}`}>{t(`Sla.states.${c.state}`)}</span>
            </div>
            <p className="text-xs">
              {t("Sla.target", { target: formatDuration(c.targetMs, locale), elapsed: formatDuration(c.elapsedMs, locale) })}
            </p>
            {c.dueAt && <p className="text-xs">{t(c.state === "breached" ? "Sla.breachedAt" : "Sla.dueAt", { date: when(c.dueAt) })}</p>}
            {c.segments.length > 0 && (
              <details className="text-xs">
                <summary className="cursor-pointer text-brand-700 dark:text-brand-300">{t("Sla.why")}</summary>
                <ol className="mt-1 flex flex-col gap-1 border-l border-slate-200 pl-3 dark:border-slate-700">
                  {c.segments.map((s) => {
                    const wall = +s.to - +s.from;
                    return (
                      <li key={+s.from}>
                        {t("Sla.segment", { from: when(s.from), to: when(s.to), status: t(`Statuses.${s.status}`) })}
                        {" — "}
                        {!s.counted
                          ? t("Sla.notCounted")
                          : s.businessMs < wall - 60_000
                            ? t("Sla.countedPartly", { business: formatDuration(s.businessMs, locale), wall: formatDuration(wall, locale) })
                            : t("Sla.counted", { business: formatDuration(s.businessMs, locale) })}
                      </li>
                    );
                  })}
                </ol>
              </details>
            )}
          </div>
        );
      })}
      {sla.alerts.length > 0 && (
        <div className="flex flex-col gap-1">
          <h3 className="text-xs font-semibold">{t("Sla.alerts")}</h3>
          <ul className="text-xs" data-testid="sla-alert-events">
            {sla.alerts.map((a, i) => (
              <li key={i}>
                {t("Sla.alert", { kind: a.kind, clock: t(`Sla.clocks.${a.detail as "resolution"}`), date: when(a.createdAt) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
