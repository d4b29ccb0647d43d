"use client";
// Articles that may already answer the question, matched to the title as it is typed. Each opens in
// a side panel over the form (the draft stays as typed: the panel lives inside the form's page),
// with a link to the article's full page in a new tab.
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Markdown } from "../../../../_components/markdown";
import { Link } from "../../../../_i18n/navigation";
import { useDebounced } from "../../../../_lib/use-debounced";
import { useTRPC } from "../../../../_lib/trpc";

export function KbSuggestions({ text }: { text: string }) {
  const t = useTranslations("TicketForm");
  const trpc = useTRPC();
  const settled = useDebounced(text.trim(), 350);
  const query = useQuery({
    ...trpc.kb.suggest.queryOptions({ text: settled }),
    enabled: settled.length >= 3,
    placeholderData: keepPreviousData,
  });
  const [open, setOpen] = useState<{ id: number; title: string } | null>(null);
  const articles = settled.length >= 3 ? (query.data ?? []) : [];
  return (
    <>
      {articles.length > 0 && (
        <aside
          aria-live="polite"
          aria-labelledby="kb-suggestions-title"
          className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950"
          data-testid="kb-suggestions"
        >
          <h2 id="kb-suggestions-title" className="mb-1 font-semibold">
            {t("suggestions")}
          </h2>
          <ul className="flex flex-col gap-1.5">
            {articles.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="text-left font-medium text-sky-900 underline decoration-sky-400 underline-offset-2 hover:decoration-2 dark:text-sky-100"
                  aria-haspopup="dialog"
                  onClick={() => setOpen({ id: a.id, title: a.title })}
                >
                  {a.title}
                </button>
                <p className="text-xs text-slate-700 dark:text-slate-300">{a.excerpt}</p>
              </li>
            ))}
          </ul>
        </aside>
      )}
      <ArticlePanel article={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** The article in a modal side panel (a <dialog>: focus stays inside, Escape closes it). */
function ArticlePanel({ article, onClose }: { article: { id: number; title: string } | null; onClose: () => void }) {
  const t = useTranslations("TicketForm");
  const trpc = useTRPC();
  const ref = useRef<HTMLDialogElement>(null);
  const full = useQuery(trpc.help.article.queryOptions(article ? { id: article.id } : skipToken));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (article && !dialog.open) dialog.showModal();
    if (!article && dialog.open) dialog.close();
  }, [article]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="kb-panel-title"
      data-testid="kb-panel"
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-xl overflow-y-auto border-l border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      {article && (
        <div className="flex min-h-full flex-col gap-4 p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id="kb-panel-title" className="text-xl font-semibold">
              {article.title}
            </h2>
            <button
              type="button"
              onClick={() => ref.current?.close()}
              className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {t("closeArticle")}
            </button>
          </div>
          {full.data ? (
            <Markdown lang={full.data.locale} className="text-slate-800 dark:text-slate-200">
              {full.data.body}
            </Markdown>
          ) : (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {full.isError ? t("articleUnavailable") : t("loadingArticle")}
            </p>
          )}
          <p className="mt-auto border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
            <Link
              href={`/help/articles/${article.id}`}
              target="_blank"
              rel="noopener"
              className="font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              {t("openFullArticle")}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-400">{t("draftKept")}</span>
          </p>
        </div>
      )}
    </dialog>
  );
}
