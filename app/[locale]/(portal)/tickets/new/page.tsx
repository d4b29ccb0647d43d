import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../../_lib/page-title";
import { requireViewer, serverCaller } from "../../../../_lib/viewer";
import { NewTicketForm } from "./new-ticket-form";

export const generateMetadata = titled("TicketForm.title");

export default async function NewTicketPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const t = await getTranslations("TicketForm");
  const options = await (await serverCaller()).tickets.formOptions();
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <NewTicketForm options={options} draftKey={`mesa-draft:new-ticket:${viewer.id}`} />
    </section>
  );
}
