import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../_lib/page-title";
import { listTicketsInput, queueViews } from "../../../server/trpc/tickets/list.schema";
import { LiveTicketList } from "../../_components/live-refresh";
import { AgentShortcuts } from "../../_components/shortcuts/agent-shortcuts";
import { TicketFilters } from "../../_components/ticket-list/ticket-filters";
import { TicketRows } from "../../_components/ticket-list/ticket-rows";
import { Link } from "../../_i18n/navigation";
import { requireStaff, serverCaller } from "../../_lib/viewer";
import { listQuery } from "../../_lib/back-to-list";

type Search = Record<string, string | string[] | undefined>;
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);

export const generateMetadata = titled("Agent.title");

/** The agent queue: unassigned / mine / all over the agent's departments, live. */
export default async function AgentQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale);
  const t = await getTranslations();
  const sp = await searchParams;
  const parsed = listTicketsInput.safeParse({
    view: sp.view ?? "unassigned",
    tab: sp.tab ?? "active",
    q: sp.q,
    status: many(sp.status),
    priority: many(sp.priority),
    departmentId: many(sp.department),
    sort: sp.sort,
    dir: sp.dir,
  });
  const input = parsed.success ? parsed.data : listTicketsInput.parse({ view: "unassigned", tab: "active" });
  const caller = await serverCaller();
  const [page, departments, alerts] = await Promise.all([
    caller.tickets.list(input),
    caller.queue.departments(),
    caller.queue.slaSummary(),
  ]);
  const oneDepartment = input.view === "all" && input.departmentId.length === 1 ? input.departmentId[0] : undefined;
  const tab =
    "whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold";
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{t("Agent.title")}</h1>
          <AgentShortcuts scope="queue" />
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500 dark:text-slate-400">{t("Agent.departments")}:</span>
          {departments.length === 0 && <span>{t("Agent.noDepartments")}</span>}
          {departments.map((d) => (
            <span key={d.id} className="rounded-full bg-brand-100 px-3 py-1 text-brand-800 dark:bg-brand-800 dark:text-brand-50">
              {d.name}
            </span>
          ))}
        </div>
      </div>
      <nav aria-label={t("Agent.title")} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
        {queueViews.map((view) => (
          <Link
            key={view}
            href={{ pathname: "/agent", query: { view, ...(view === "sla" ? { sort: "sla", dir: "asc" } : {}) } }}
            aria-current={input.view === view && !oneDepartment ? "page" : undefined}
            className={tab}
          >
            {t(`Queue.views.${view}`)}
          </Link>
        ))}
        {departments.length > 1 &&
          departments.map((d) => (
            <Link
              key={d.id}
              href={{ pathname: "/agent", query: { view: "all", department: d.id } }}
              aria-current={oneDepartment === d.id ? "page" : undefined}
              className={tab}
            >
              {t("Queue.department", { name: d.name })}
            </Link>
          ))}
      </nav>
      {(alerts.atRisk > 0 || alerts.breached > 0) && (
        <Link
          href={{ pathname: "/agent", query: { view: "sla", sort: "sla", dir: "asc" } }}
          role="status"
          data-testid="sla-alerts"
          className={`self-start rounded-md px-3 py-1.5 text-sm font-medium ${alerts.breached ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}
        >
          {t("Queue.slaAlert", alerts)}
        </Link>
      )}
      <TicketFilters
        staff
        input={input}
        hidden={{ view: input.view, tab: input.tab }}
        departments={departments.map((d) => ({ id: d.id, name: d.name }))}
      />
      <LiveTicketList />
      <TicketRows input={input} initial={page} basePath="/agent/tickets" shortcuts from={listQuery(sp)} />
    </section>
  );
}
