"use client";
// The SLA clock that breaches next, on a queue row: "1.ª respuesta vence dentro de 2 horas", amber
// past 80 %, red once breached. It turns by itself as time passes (no reload, no server round trip);
// the server's tick records the same moments as ticket events.
import { useFormatter, useNow, useTranslations } from "next-intl";

export interface RowSla {
  clock: "first_response" | "resolution";
  nearAt: Date | null;
  dueAt: Date | null;
}

const styles = {
  running: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  near_breach: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  breached: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

export function SlaCountdown({ sla }: { sla: RowSla }) {
  const t = useTranslations("Sla");
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  if (!sla.dueAt) return null;
  const due = new Date(sla.dueAt);
  const state = now >= due ? "breached" : sla.nearAt && now >= new Date(sla.nearAt) ? "near_breach" : "running";
  return (
    <span
      data-testid="sla-countdown"
      data-sla={state}
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${styles[state]}`}
      suppressHydrationWarning
    >
      {t(`row.${state}`, { clock: t(`clocks.${sla.clock}`), when: format.relativeTime(due, now) })}
    </span>
  );
}
