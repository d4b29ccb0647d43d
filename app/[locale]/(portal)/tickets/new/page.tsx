import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../../_lib/page-title";
import { requireViewer, serverCaller } from "../../../../_lib/viewer";
import { NewTicketForm } from "./new-ticket-form";

export const generateMetadata = titled("TicketForm.title");

export default async function NewTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const t = await getTranslations("TicketForm");
  const caller = await serverCaller();
  const options = await caller.tickets.formOptions();
  // ?article=ID: opened from a help-centre article ("Crear ticket"); only a published one is noted.
  const articleParam = (await searchParams).article;
  const articleId = typeof articleParam === "string" && /^\d{1,9}$/.test(articleParam) ? Number(articleParam) : null;
  const sourceArticle = articleId
    ? await caller.help.article({ id: articleId }).then(
        ({ id, title }) => ({ id, title }),
        () => null,
      )
    : null;
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <NewTicketForm options={options} draftKey={`mesa-draft:new-ticket:${viewer.id}`} sourceArticle={sourceArticle} />
    </section>
  );
}
