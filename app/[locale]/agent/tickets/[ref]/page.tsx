import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { AgentShortcuts } from "../../../../_components/shortcuts/agent-shortcuts";
import { TicketView } from "../../../../_components/ticket-view/ticket-view";
import { ticketTitle } from "../../../../_components/ticket-view/ticket-title";
import { backToList } from "../../../../_lib/back-to-list";
import { requireStaff } from "../../../../_lib/viewer";

type Props = { params: Promise<{ locale: string; ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, ref } = await params;
  return { title: await ticketTitle(locale, decodeURIComponent(ref)) };
}

/** A ticket inside the agent workspace (same view, agent layout). */
export default async function AgentTicketPage({ params, searchParams }: Props) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  const reference = decodeURIComponent(ref);
  const { from } = await searchParams;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex justify-end">
        <AgentShortcuts scope="ticket" reference={reference} />
      </div>
      <TicketView reference={reference} viewer={viewer} back={backToList("/agent", from)} />
    </div>
  );
}
