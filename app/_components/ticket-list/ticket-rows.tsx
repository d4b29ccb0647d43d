"use client";
// The rows of Mis Tickets; "load more" follows the cursor without leaving the page.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { BulkBar } from "./bulk-bar";
import type { ListTicketsInput } from "../../../server/trpc/tickets/list.schema";
import { PriorityLabel, StatusBadge } from "../ticket-badges";
import { Link } from "../../_i18n/navigation";
import { useTRPC } from "../../_lib/trpc";
import { useQueueCursor } from "../shortcuts/queue";
import { SlaCountdown } from "../sla/sla-countdown";
import { useQueuePresence } from "./use-queue-presence";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../server/trpc/router";
import { ticketHref } from "../../_lib/back-to-list";

type Page = inferRouterOutputs<AppRouter>["tickets"]["list"];

/** `basePath`: where a row leads ("/tickets" in the portal, "/agent/tickets" in the workspace).
 * `shortcuts` (the agent queue only): j/k/Enter/o over the rows, and the order kept for the ticket page;
 * also the markers of who from support is viewing each ticket. */
export function TicketRows({
  input,
  initial,
  basePath,
  shortcuts = false,
  from = "",
}: {
  input: ListTicketsInput;
  initial: Page;
  basePath: string;
  shortcuts?: boolean;
  /** The list's query ("tab=closed&q=web"): each ticket's back link returns to it. */
  from?: string;
}) {
  const t = useTranslations("TicketList");
  const tq = useTranslations("Queue");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const tb = useTranslations("Bulk");
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (reference: string) => setSelected((s) => (s.includes(reference) ? s.filter((r) => r !== reference) : [...s, reference]));
  const trpc = useTRPC();
  const { cursor: _cursor, ...base } = input;
  const query = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(base, {
      initialData: { pages: [initial], pageParams: [null] },
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const presence = useQueuePresence(shortcuts);
  const active = useQueueCursor(shortcuts ? items.map((i) => i.reference) : [], shortcuts ? basePath : null, toggle);
  const references = items.map((i) => i.reference);
  const chosen = selected.filter((r) => references.includes(r));
  const allChosen = chosen.length > 0 && chosen.length === references.length;
  if (!items.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500 dark:border-slate-700 dark:text-slate-400">
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {shortcuts && (
        <label className="flex items-center gap-2 self-start text-sm text-slate-700 dark:text-slate-300">
          <input type="checkbox" className="size-4" checked={allChosen} onChange={() => setSelected(allChosen ? [] : references)} />
          {tb("selectAll")}
        </label>
      )}
      {shortcuts && chosen.length > 0 && <BulkBar selected={chosen} onDone={() => void query.refetch()} />}
      <ul
        className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        data-testid="ticket-list"
      >
        {items.map((ticket) => (
          <li
            key={ticket.id}
            data-queue-row={shortcuts ? ticket.reference : undefined}
            data-active={active === ticket.reference ? "true" : undefined}
            className="flex items-center data-active:bg-brand-50 data-active:shadow-[inset_4px_0_0_var(--color-brand-700)] dark:data-active:bg-slate-800"
          >
            {shortcuts && (
              <input
                type="checkbox"
                className="ml-4 size-4 shrink-0"
                aria-label={tb("selectRow", { ticket: ticket.reference })}
                checked={chosen.includes(ticket.reference)}
                onChange={() => toggle(ticket.reference)}
              />
            )}
            <Link
              href={ticketHref(basePath, ticket.reference, from)}
              className="flex min-w-0 flex-1 flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-slate-800"
            >
              <span className="font-mono text-sm text-slate-500 dark:text-slate-400">{ticket.reference}</span>
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium" title={ticket.subject}>
                  {ticket.subject}
                </span>
                <span className="truncate text-xs text-slate-600 dark:text-slate-400">
                  {ticket.organization ? `${ticket.requester.name} · ${ticket.organization.name}` : ticket.requester.name}
                </span>
              </span>
              <span className="flex flex-wrap items-center gap-3 text-sm">
                <StatusBadge status={ticket.status} />
                <PriorityLabel priority={ticket.priority} />
                <span className="text-slate-500 dark:text-slate-400">{ticket.department.name}</span>
                {ticket.assignee && <span className="text-xs text-slate-500 dark:text-slate-400">{ticket.assignee.name}</span>}
                {ticket.escalatedAt && <span className="text-xs font-semibold text-red-700 dark:text-red-300">{t("escalated")}</span>}
                {ticket.sla && <SlaCountdown sla={ticket.sla} />}
                {!!presence[ticket.id]?.length && (
                  <span
                    data-testid="row-viewers"
                    className="rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900 dark:bg-sky-900 dark:text-sky-100"
                  >
                    <span aria-hidden>👁 </span>
                    {tq("viewing", { names: presence[ticket.id]!.map((p) => p.name).join(", ") })}
                  </span>
                )}
                {/* "2 minutes ago" may differ by a second between server and browser: not a real mismatch.
                    A row that arrived live may be newer than the clock's last tick: never "in 35 seconds". */}
                <time
                  dateTime={new Date(ticket.updatedAt).toISOString()}
                  className="text-xs text-slate-500 dark:text-slate-400"
                  suppressHydrationWarning
                >
                  {format.relativeTime(new Date(Math.min(+new Date(ticket.updatedAt), +now)), now)}
                </time>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="self-center rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-700"
        >
          {t("loadMore")}
        </button>
      )}
    </div>
  );
}
