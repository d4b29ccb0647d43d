// "Creado desde el artículo …": the help-centre article the ticket was opened from, for requester
// and staff alike (a link while the article is published, its title otherwise).
import { getTranslations } from "next-intl/server";
import { Link } from "../../_i18n/navigation";
import { serverCaller } from "../../_lib/viewer";

export async function TicketSourceArticle({ ticketId }: { ticketId: string }) {
  const article = await (await serverCaller()).tickets.sourceArticle({ ticket: ticketId });
  if (!article) return null;
  const t = await getTranslations("TicketView");
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="ticket-source-article">
      {t("fromArticle")}{" "}
      {article.published ? (
        <Link href={`/help/articles/${article.id}`} className="font-medium text-brand-700 underline dark:text-brand-500">
          {article.title}
        </Link>
      ) : (
        <span className="font-medium">{article.title}</span>
      )}
    </p>
  );
}
