import { setRequestLocale } from "next-intl/server";
import { AgentShortcuts } from "../../../../_components/shortcuts/agent-shortcuts";
import { TicketView } from "../../../../_components/ticket-view/ticket-view";
import { requireStaff } from "../../../../_lib/viewer";

/** A ticket inside the agent workspace (same view, agent layout). */
export default async function AgentTicketPage({ params }: { params: Promise<{ locale: string; ref: string }> }) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  const reference = decodeURIComponent(ref);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex justify-end">
        <AgentShortcuts scope="ticket" reference={reference} />
      </div>
      <TicketView reference={reference} viewer={viewer} />
    </div>
  );
}
