import { getTranslations, setRequestLocale } from "next-intl/server";
import { LiveTicketList } from "../../../_components/live-refresh";
import { CallWindowZones } from "../../../_components/ticket-view/call-window-zones";
import { telHref } from "../../../_components/ticket-view/tel-href";
import { Link } from "../../../_i18n/navigation";
import { titled } from "../../../_lib/page-title";
import { requireStaff, serverCaller } from "../../../_lib/viewer";

export const generateMetadata = titled("Calls.queueTitle");

/** The calls support has to make: pending call requests of the agent's departments, soonest window
 * first, live (a call handled or asked for anywhere refreshes the list). */
export default async function CallsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  const t = await getTranslations("Calls");
  const calls = await (await serverCaller()).calls.open();
  return (
    <section className="flex flex-col gap-4">
      <LiveTicketList />
      <h1 className="text-2xl font-semibold">{t("queueTitle")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("queueIntro")}</p>
      {calls.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">{t("queueEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="open-calls">
          {calls.map((call) => (
            <li
              key={call.id}
              data-testid="open-call"
              className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_1fr] dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex min-w-0 flex-col gap-1">
                <Link
                  href={`/agent/tickets/${call.ticket.reference}`}
                  className="font-mono text-sm font-semibold text-brand-700 hover:underline dark:text-brand-500"
                >
                  {call.ticket.reference}
                </Link>
                <p className="truncate font-medium" title={call.ticket.subject}>
                  {call.ticket.subject}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  <span className="sr-only">{t("customer")}: </span>
                  {call.requester.name}
                  {call.ticket.organization && (
                    <>
                      {" · "}
                      <span className="sr-only">{t("organization")}: </span>
                      {call.ticket.organization.name}
                    </>
                  )}
                </p>
              </div>
              <div className="flex flex-col gap-1">
                <a
                  href={telHref(call.phone)}
                  className="self-start text-base font-semibold text-brand-700 hover:underline dark:text-brand-500"
                  data-testid="call-phone"
                >
                  <span aria-hidden>☎ </span>
                  {call.phone}
                </a>
                {call.note && <p className="text-sm whitespace-pre-wrap">{call.note}</p>}
              </div>
              <CallWindowZones
                start={call.windowStart}
                end={call.windowEnd}
                agentZone={viewer.timeZone}
                customerZone={call.requester.timeZone}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
