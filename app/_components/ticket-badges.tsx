// Status and priority as coloured badges, in the page's language.
import { useTranslations } from "next-intl";

const statusColors: Record<string, string> = {
  new: "bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100",
  open: "bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-100",
  pending_customer: "bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-100",
  on_hold: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  reopened: "bg-orange-100 text-orange-800 dark:bg-orange-900 dark:text-orange-100",
  resolved: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100",
  closed: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};
const priorityColors: Record<string, string> = {
  low: "text-slate-600 dark:text-slate-300",
  medium: "text-sky-700 dark:text-sky-300",
  high: "text-amber-700 dark:text-amber-300",
  urgent: "text-orange-700 dark:text-orange-300",
  critical: "text-red-700 dark:text-red-300 font-semibold",
};

/** `testId`: other than "ticket-status" where the badge is not the page's own ticket (e.g. a list beside it). */
export function StatusBadge({ status, testId = "ticket-status" }: { status: string; testId?: string }) {
  const t = useTranslations("Statuses");
  return (
    <span data-testid={testId} className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${statusColors[status] ?? ""}`}>
      {t(status as "new")}
    </span>
  );
}

export function PriorityLabel({ priority }: { priority: string }) {
  const t = useTranslations("Priorities");
  return <span className={`text-sm ${priorityColors[priority] ?? ""}`}>{t(priority as "low")}</span>;
}
