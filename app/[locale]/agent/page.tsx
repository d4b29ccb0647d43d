import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { pageLocale, pageTitle } from "../../_lib/page-title";
import { queueSearch, shownCount } from "../../_lib/saved-view-href";
import { listTicketsInput, queueViews, type ListTicketsInput } from "../../../server/trpc/tickets/list.schema";
import { LiveTicketList } from "../../_components/live-refresh";
import { AgentShortcuts } from "../../_components/shortcuts/agent-shortcuts";
import { TicketFilters } from "../../_components/ticket-list/ticket-filters";
import { TicketRows } from "../../_components/ticket-list/ticket-rows";
import { ExportPanel } from "../../_components/ticket-list/export-panel";
import { Link } from "../../_i18n/navigation";
import { requireStaff, serverCaller } from "../../_lib/viewer";
import { listQuery } from "../../_lib/back-to-list";
import { QueueTabs, type QueueTab } from "./queue-tabs";
import { SaveViewButton, SavedViewMenu } from "./saved-view-controls";

type Search = Record<string, string | string[] | undefined>;
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);

/** The list input the address asks for (the page's defaults for what it leaves out, or for an address
 * the list refuses). */
function inputOf(sp: Search): ListTicketsInput {
  const parsed = listTicketsInput.safeParse({
    view: sp.view ?? "unassigned",
    tab: sp.tab ?? "active",
    q: sp.q,
    status: many(sp.status),
    priority: many(sp.priority),
    departmentId: many(sp.department),
    tags: many(sp.tag),
    sort: sp.sort,
    dir: sp.dir,
  });
  return parsed.success ? parsed.data : listTicketsInput.parse({ view: "unassigned", tab: "active" });
}

/** The tabs' data with their counts, once per request (the title and the page both need them). */
const queueTabsData = cache(async () => {
  const caller = await serverCaller();
  const [departments, views, counts] = await Promise.all([
    caller.queue.departments(),
    caller.savedViews.list(),
    caller.savedViews.counts(),
  ]);
  return { departments, views, counts };
});

/** The queue's tabs, the active one marked: a saved view (?savedView=), a department, or a built-in view. */
async function tabsOf(sp: Search, input: ListTicketsInput): Promise<QueueTab[]> {
  const t = await getTranslations();
  const { departments, views } = await queueTabsData();
  const savedView = views.find((v) => String(v.id) === sp.savedView);
  const oneDepartment = !savedView && input.view === "all" && input.departmentId.length === 1 ? input.departmentId[0] : undefined;
  const builtin = (view: (typeof queueViews)[number], departmentId?: number) =>
    listTicketsInput.parse({
      view,
      tab: "active",
      departmentId: departmentId ? [departmentId] : [],
      ...(view === "sla" ? { sort: "sla", dir: "asc" } : {}),
    });
  return [
    ...queueViews.map((view) => ({
      key: `builtin-${view}`,
      label: t(`Queue.views.${view}`),
      search: queueSearch(builtin(view)),
      active: !savedView && !oneDepartment && input.view === view,
      count: { kind: "builtin" as const, view },
    })),
    ...(departments.length > 1
      ? departments.map((d) => ({
          key: `department-${d.id}`,
          label: t("Queue.department", { name: d.name }),
          search: queueSearch(builtin("all", d.id)),
          active: oneDepartment === d.id,
          count: { kind: "department" as const, id: d.id },
        }))
      : []),
    ...views.map((v) => ({
      key: `view-${v.id}`,
      label: v.name,
      search: queueSearch(v.query, v.id),
      active: savedView?.id === v.id,
      count: { kind: "view" as const, id: v.id },
      hint: v.mine ? (v.shared ? t("SavedViews.sharedByMe") : undefined) : t("SavedViews.sharedBy", { name: v.owner.name }),
      testId: `saved-view-tab-${v.id}`,
    })),
  ];
}

/** "Sin asignar (4) — Mesa": the active tab and how many tickets it holds. */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: pageLocale(locale) });
  try {
    const sp = await searchParams;
    const [tabs, { counts }] = await Promise.all([tabsOf(sp, inputOf(sp)), queueTabsData()]);
    const active = tabs.find((tab) => tab.active);
    if (!active) return { title: pageTitle(t("Agent.title")) };
    const c = active.count;
    const count =
      c.kind === "builtin"
        ? counts.builtin[c.view]
        : (c.kind === "department" ? counts.departments : counts.views).find((x) => x.id === c.id)?.count;
    return { title: pageTitle(count === undefined ? active.label : `${active.label} (${shownCount(count, counts.cap)})`) };
  } catch {
    // Signed out or not staff: the page redirects; the title stays the queue's.
    return { title: pageTitle(t("Agent.title")) };
  }
}

/** The agent queue: unassigned / mine / SLA / all, departments and saved views, each with a live count. */
export default async function AgentQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  const t = await getTranslations();
  const sp = await searchParams;
  const input = inputOf(sp);
  const caller = await serverCaller();
  const [page, alerts, { departments, views, counts }, tabs] = await Promise.all([
    caller.tickets.list(input),
    caller.queue.slaSummary(),
    queueTabsData(),
    tabsOf(sp, input),
  ]);
  const savedView = views.find((v) => String(v.id) === sp.savedView);
  const { view, tab, q, status, priority, departmentId, tags, sort, dir } = input;
  const current = { view, tab, q, status, priority, departmentId, tags, sort, dir };
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
      <QueueTabs label={t("SavedViews.tabs")} tabs={tabs} initial={counts} />
      <div className="flex flex-wrap items-center gap-2">
        <SaveViewButton query={current} />
        {savedView?.canEdit && <SavedViewMenu view={savedView} current={current} ownOrder={views.filter((v) => v.mine).map((v) => v.id)} />}
        {savedView?.stale && (
          <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
            {t("SavedViews.stale")}
          </p>
        )}
      </div>
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
        hidden={{ view: input.view, tab: input.tab, ...(savedView ? { savedView: String(savedView.id) } : {}) }}
        departments={departments.map((d) => ({ id: d.id, name: d.name }))}
      />
      <LiveTicketList />
      <TicketRows input={input} initial={page} basePath="/agent/tickets" shortcuts from={listQuery(sp)} />
      <ExportPanel staff timeZone={viewer.timeZone} />
    </section>
  );
}
