import { setRequestLocale } from "next-intl/server";
import { TicketView } from "../../../../_components/ticket-view/ticket-view";
import { requireStaff } from "../../../../_lib/viewer";

/** A ticket inside the agent workspace (same view, agent layout). */
export default async function AgentTicketPage({ params }: { params: Promise<{ locale: string; ref: string }> }) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  return <TicketView reference={decodeURIComponent(ref)} viewer={viewer} />;
}
