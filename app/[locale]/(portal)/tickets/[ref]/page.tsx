import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { LiveTicket } from "../../../../_components/live-refresh";
import { PriorityLabel, StatusBadge } from "../../../../_components/ticket-badges";
import { requireViewer, serverCaller } from "../../../../_lib/viewer";
import { TicketActions } from "./ticket-actions";
import { TicketThread } from "./ticket-thread";
import { TicketWatchers } from "./ticket-watchers";

export default async function TicketPage({ params }: { params: Promise<{ locale: string; ref: string }> }) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const caller = await serverCaller();
  const ticket = await caller.tickets.get({ ticket: decodeURIComponent(ref) }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const members = ticket.organization
    ? ((await caller.tickets.formOptions()).organizations.find((o) => o.id === ticket.organization?.id)?.members ?? [])
    : [];
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: viewer.timeZone }) : "—");
  const facts: [string, React.ReactNode][] = [
    [t("TicketView.type"), t(`TicketTypes.${ticket.type}`)],
    [t("TicketView.department"), ticket.department.name],
    [t("TicketView.category"), ticket.category?.name ?? "—"],
    [t("TicketView.organization"), ticket.organization?.name ?? "—"],
    [t("TicketView.services"), ticket.services.map((s) => s.name).join(", ") || "—"],
    [t("TicketView.requester"), ticket.requester.name],
    [t("TicketView.assignee"), ticket.assignee?.name ?? t("TicketView.unassigned")],
    [t("TicketView.created"), when(ticket.createdAt)],
    [t("TicketView.updated"), when(ticket.updatedAt)],
    ...(ticket.resolvedAt ? [[t("TicketView.resolvedAt"), when(ticket.resolvedAt)] as [string, string]] : []),
    ...(ticket.closedAt ? [[t("TicketView.closedAt"), when(ticket.closedAt)] as [string, string]] : []),
  ];
  return (
    <article className="flex flex-col gap-6">
      <LiveTicket ticketId={ticket.id} />
      <header className="flex flex-col gap-2">
        <p className="font-mono text-sm text-slate-500 dark:text-slate-400" data-testid="ticket-reference">{ticket.reference}</p>
        <h1 className="text-2xl font-semibold">{ticket.subject}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={ticket.status} />
          <PriorityLabel priority={ticket.priority} />
          {ticket.escalatedAt && <span className="text-xs font-semibold text-red-700 dark:text-red-300">{t("TicketView.escalatedOn", { date: when(ticket.escalatedAt) })}</span>}
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <TicketThread ticket={ticket} timeZone={viewer.timeZone} />
        <aside className="flex flex-col gap-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <TicketActions ticket={ticket} phone={viewer.phone} timeZone={viewer.timeZone} />
          <TicketWatchers ticket={ticket} members={members} />
        </aside>
      </div>
    </article>
  );
}
