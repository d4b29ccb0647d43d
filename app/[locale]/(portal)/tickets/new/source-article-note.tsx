"use client";
// "Desde el artículo …": the help-centre article the new ticket is opened from, which it will record.
import { useTranslations } from "next-intl";
import { Link } from "../../../../_i18n/navigation";

export function SourceArticleNote({ article, onRemove }: { article: { id: number; title: string }; onRemove: () => void }) {
  const t = useTranslations("TicketForm");
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm dark:border-sky-800 dark:bg-sky-950"
      data-testid="ticket-source-article"
    >
      <p>
        {t("fromArticle")}{" "}
        <Link href={`/help/articles/${article.id}`} className="font-medium text-brand-700 underline dark:text-brand-500">
          {article.title}
        </Link>
      </p>
      <button type="button" onClick={onRemove} className="text-sm underline" aria-label={t("removeArticleOf", { title: article.title })}>
        {t("removeArticle")}
      </button>
    </div>
  );
}
