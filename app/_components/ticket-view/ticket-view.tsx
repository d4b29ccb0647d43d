// One ticket as a page: header, thread, facts, actions, interested users; support staff also get
// their controls (take, assign, status, priority, department) and internal notes. Rendered on the
// server from tickets.get, kept live by <LiveTicket>.
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LiveTicket } from "../live-refresh";
import { PriorityLabel, StatusBadge } from "../ticket-badges";
import { Link } from "../../_i18n/navigation";
import { serverCaller, type Viewer } from "../../_lib/viewer";
import { findTicket } from "./load-ticket";
import { TicketPresence } from "./presence";
import { RequesterTickets } from "./requester-tickets";
import { SlaPanel } from "./sla-panel";
import { StaffControls } from "./staff-controls";
import { TicketActions } from "./ticket-actions";
import { TicketThread } from "./ticket-thread";
import { TicketWatchers } from "./ticket-watchers";
import { TicketFiles } from "./ticket-files";
import { BounceBadge } from "./mailed-message";
import { CallRequests } from "./call-requests";
import { TicketSourceArticle } from "./source-article";
import { MergedBanner } from "./merged-banner";
import { MergeTicket } from "./merge-ticket";
import { RelatedTickets } from "./related-tickets";

/** `back`: the list this ticket was opened from, with its filters (app/_lib/back-to-list.ts). */
export async function TicketView({ reference, viewer, back }: { reference: string; viewer: Viewer; back: string }) {
  const caller = await serverCaller();
  const ticket = await findTicket(reference);
  if (!ticket) notFound();
  const staff = viewer.isStaff;
  const [options, assignees, related] = await Promise.all([
    caller.tickets.formOptions(),
    staff ? caller.tickets.assignees({ ticket: ticket.id }) : Promise.resolve([]),
    staff ? caller.tickets.links.list({ ticket: ticket.id }) : Promise.resolve([]),
  ]);
  const members = options.organizations.find((o) => o.id === ticket.organization?.id)?.members ?? [];
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: viewer.timeZone }) : "—");
  // Staff change the department and the assignee in their controls: one place for each field.
  const facts: [string, ReactNode][] = [
    [t("TicketView.type"), t(`TicketTypes.${ticket.type}`)],
    ...(staff ? [] : [[t("TicketView.department"), ticket.department.name] as [string, string]]),
    [t("TicketView.category"), ticket.category?.name ?? "—"],
    [t("TicketView.organization"), ticket.organization?.name ?? "—"],
    [t("TicketView.services"), ticket.services.map((s) => s.name).join(", ") || "—"],
    [
      t("TicketView.requester"),
      // Staff only: the customer's answer carries no mailBounce, and the badge renders nothing.
      <span key="r" data-testid="ticket-requester">
        {ticket.requester.name}
        <BounceBadge person={ticket.requester} timeZone={viewer.timeZone} />
      </span>,
    ],
    ...(staff
      ? []
      : [
          [
            t("TicketView.assignee"),
            <span key="a" data-testid="ticket-assignee">
              {ticket.assignee?.name ?? t("TicketView.unassigned")}
            </span>,
          ] as [string, ReactNode],
        ]),
    [t("TicketView.created"), when(ticket.createdAt)],
    [t("TicketView.updated"), when(ticket.updatedAt)],
    ...(ticket.resolvedAt ? [[t("TicketView.resolvedAt"), when(ticket.resolvedAt)] as [string, string]] : []),
    ...(ticket.closedAt ? [[t("TicketView.closedAt"), when(ticket.closedAt)] as [string, string]] : []),
  ];
  return (
    <article className="flex flex-col gap-6">
      <LiveTicket ticketId={ticket.id} />
      <header className="flex flex-col gap-2">
        <Link
          href={back}
          className="self-start text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
          data-testid="back-to-list"
        >
          <span aria-hidden>← </span>
          {t(back.startsWith("/agent") ? "TicketView.backToQueue" : "TicketView.backToList")}
        </Link>
        <p className="font-mono text-sm text-slate-500 dark:text-slate-400" data-testid="ticket-reference">
          {ticket.reference}
        </p>
        <h1 className="text-2xl font-semibold">{ticket.subject}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={ticket.status} />
          <PriorityLabel priority={ticket.priority} />
          {ticket.escalatedAt && (
            <span className="text-xs font-semibold text-red-700 dark:text-red-300">
              {t("TicketView.escalatedOn", { date: when(ticket.escalatedAt) })}
            </span>
          )}
        </div>
        {ticket.automatic && (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="ticket-automatic">
            {t(
              ticket.automatic.to === "closed"
                ? "TicketView.autoCloseOn"
                : staff
                  ? "TicketView.autoResolveOnStaff"
                  : "TicketView.autoResolveOn",
              {
                date: when(ticket.automatic.at),
              },
            )}
          </p>
        )}
        {ticket.mergedInto && <MergedBanner reference={ticket.mergedInto.reference} staff={staff} />}
        <TicketSourceArticle ticketId={ticket.id} />
        {staff && <TicketPresence ticketId={ticket.id} selfId={viewer.id} />}
      </header>
      {/* On a phone the facts and actions come first, before the thread and its reply box; on a
          desktop they sit in the right column beside it. */}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:grid-rows-[auto_1fr]">
        <section className="flex flex-col gap-4 lg:col-start-2 lg:row-start-1" aria-label={t("TicketView.summary")}>
          {staff && (
            <StaffControls
              ticket={ticket}
              viewerId={viewer.id}
              assignees={assignees}
              departments={options.departments.map((d) => ({ id: d.id, name: d.name }))}
            />
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <TicketActions ticket={ticket} phone={viewer.phone} timeZone={viewer.timeZone} />
          <CallRequests calls={ticket.callRequests} staff={staff} timeZone={viewer.timeZone} />
          {staff && <SlaPanel ticketId={ticket.id} timeZone={viewer.timeZone} />}
        </section>
        <div className="min-w-0 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <TicketThread
            ticket={ticket}
            timeZone={viewer.timeZone}
            staff={staff}
            limits={options.attachments}
            canViewSensitive={viewer.canViewSensitive}
          />
        </div>
        <section className="flex flex-col gap-4 lg:col-start-2 lg:row-start-2" aria-label={t("TicketView.more")}>
          <TicketFiles files={ticket.messages.flatMap((m) => m.attachments)} />
          <TicketWatchers ticket={ticket} members={members} timeZone={viewer.timeZone} />
          {staff && <RelatedTickets ticketId={ticket.id} related={related} />}
          {staff && !ticket.mergedInto && <MergeTicket ticket={ticket} />}
          {staff && <RequesterTickets ticketId={ticket.id} timeZone={viewer.timeZone} />}
        </section>
      </div>
    </article>
  );
}
