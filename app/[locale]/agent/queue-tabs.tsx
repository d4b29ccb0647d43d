"use client";
// The queue's tabs — built-in views, departments, saved views — each with how many tickets it holds
// now. The counts are one query (savedViews.counts) that the live list refresh invalidates whenever
// a ticket of the agent's queues changes (LiveTicketList, debounced), so they move as other people
// create, assign or close tickets. The page's title follows the active tab's count.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "../../_i18n/navigation";
import { pageTitle } from "../../_lib/page-title";
import { shownCount } from "../../_lib/saved-view-href";
import { useTRPC } from "../../_lib/trpc";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../server/trpc/router";

type Counts = inferRouterOutputs<AppRouter>["savedViews"]["counts"];
export type TabCountKey = { kind: "builtin"; view: keyof Counts["builtin"] } | { kind: "department" | "view"; id: number };

export interface QueueTab {
  key: string;
  label: string;
  /** The tab's address (search string of /agent). */
  search: string;
  active: boolean;
  count: TabCountKey;
  /** A saved view another agent shares (shown with their name). */
  hint?: string;
  testId?: string;
}

const countOf = (counts: Counts, key: TabCountKey) =>
  key.kind === "builtin"
    ? counts.builtin[key.view]
    : ((key.kind === "department" ? counts.departments : counts.views).find((c) => c.id === key.id)?.count ?? null);

export function QueueTabs({ label, tabs, initial }: { label: string; tabs: QueueTab[]; initial: Counts }) {
  const trpc = useTRPC();
  const { data = initial } = useQuery({ ...trpc.savedViews.counts.queryOptions(), initialData: initial, staleTime: 5_000 });
  const active = tabs.find((t) => t.active);
  const activeCount = active ? countOf(data, active.count) : null;
  useEffect(() => {
    if (active) document.title = pageTitle(activeCount === null ? active.label : `${active.label} (${shownCount(activeCount, data.cap)})`);
  }, [active, activeCount, data.cap]);
  const tab =
    "inline-flex items-center gap-1.5 whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold";
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      {tabs.map((t) => {
        const count = countOf(data, t.count);
        return (
          <Link
            key={t.key}
            href={`/agent?${t.search}`}
            aria-current={t.active ? "page" : undefined}
            title={t.hint}
            data-testid={t.testId}
            className={tab}
          >
            {t.label}
            {count !== null && (
              <span
                data-testid="tab-count"
                className="rounded-full bg-slate-200 px-1.5 text-xs font-medium tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100"
              >
                {shownCount(count, data.cap)}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
