// A ticket page's title: "TK-000042 · La web no carga — Mesa", or the not-found title when the
// viewer may not see it.
import "server-only";
import { getTranslations } from "next-intl/server";
import { pageLocale, pageTitle } from "../../_lib/page-title";
import { getViewer } from "../../_lib/viewer";
import { findTicket } from "./load-ticket";

export async function ticketTitle(locale: string, reference: string): Promise<string> {
  const t = await getTranslations({ locale: pageLocale(locale), namespace: "NotFound" });
  // Signed out: the page sends the person to sign in; no ticket is read.
  const ticket = (await getViewer()) ? await findTicket(reference) : null;
  return pageTitle(ticket ? `${ticket.reference} · ${ticket.subject}` : t("title"));
}
