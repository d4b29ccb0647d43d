import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { TicketView } from "../../../../_components/ticket-view/ticket-view";
import { ticketTitle } from "../../../../_components/ticket-view/ticket-title";
import { backToList } from "../../../../_lib/back-to-list";
import { requireViewer } from "../../../../_lib/viewer";

type Props = { params: Promise<{ locale: string; ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "TK-000042 · La web no carga — Mesa". */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, ref } = await params;
  return { title: await ticketTitle(locale, decodeURIComponent(ref)) };
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const { from } = await searchParams;
  return <TicketView reference={decodeURIComponent(ref)} viewer={viewer} back={backToList("/tickets", from)} />;
}
