import { setRequestLocale } from "next-intl/server";
import { TicketView } from "../../../../_components/ticket-view/ticket-view";
import { requireViewer } from "../../../../_lib/viewer";

export default async function TicketPage({ params }: { params: Promise<{ locale: string; ref: string }> }) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  return <TicketView reference={decodeURIComponent(ref)} viewer={viewer} />;
}
