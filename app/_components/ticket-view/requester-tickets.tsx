// Beside the thread, for support staff: what else the requester has asked (the ten most recently
// changed, and how many there are), each a link into the agent workspace. Server-rendered from
// tickets.requesterTickets, so it shows only tickets this agent may see.
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "../../_i18n/navigation";
import { serverCaller } from "../../_lib/viewer";
import { StatusBadge } from "../ticket-badges";

export async function RequesterTickets({ ticketId, timeZone }: { ticketId: string; timeZone: string }) {
  const caller = await serverCaller();
  const { requester, items, total } = await caller.tickets.requesterTickets({ ticket: ticketId });
  const t = await getTranslations("RequesterTickets");
  const format = await getFormatter();
  const headingId = `requester-tickets-${ticketId}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="requester-tickets"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {t("title", { name: requester.name })}
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">{t("empty", { name: requester.name })}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((ticket) => (
            <li key={ticket.id}>
              <Link href={`/agent/tickets/${ticket.reference}`} className="flex flex-col gap-1 py-2 hover:underline">
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{ticket.reference}</span>
                  <StatusBadge status={ticket.status} testId="requester-ticket-status" />
                </span>
                <span className="break-words font-medium">{ticket.subject}</span>
                <time dateTime={ticket.updatedAt.toISOString()} className="text-xs text-slate-500 dark:text-slate-400">
                  {format.dateTime(ticket.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {total > items.length && <p className="text-xs text-slate-500 dark:text-slate-400">{t("showing", { shown: items.length, total })}</p>}
    </section>
  );
}
