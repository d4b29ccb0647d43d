// One help-centre article: its Markdown, category and last change, "¿Fue útil?", "Crear ticket" (the
// new-ticket form notes the article; signed out, through the sign-in first) and related articles.
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "../../../../../server/i18n/locales";
import { Markdown } from "../../../../_components/markdown";
import { Link } from "../../../../_i18n/navigation";
import { signInThenBack } from "../../../../_lib/return-to";
import { getViewer, serverCaller } from "../../../../_lib/viewer";
import { helpRead } from "../../help-access";
import { HelpfulVote } from "./helpful-vote";

const articleId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("Help");
  const n = articleId(id);
  const article = n ? await (await serverCaller()).help.article({ id: n }).catch(() => null) : null;
  return { title: article ? `${article.title} · ${t("title")}` : t("title") };
}

export default async function HelpArticlePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const n = articleId(id);
  if (!n) notFound();
  const caller = await serverCaller();
  const [article, viewer] = await Promise.all([
    helpRead(locale, `/help/articles/${n}`, () => caller.help.article({ id: n, locale: isLocale(locale) ? locale : undefined })),
    getViewer(),
  ]);
  const t = await getTranslations("Help");
  const format = await getFormatter();
  const newTicket = `/tickets/new?article=${article.id}`;
  // Signed out: sign in first, then the form. Signed in without ticketing access: no button.
  const createHref = viewer ? (viewer.canAccessTicketing ? newTicket : null) : signInThenBack(`/${locale}${newTicket}`);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600 dark:text-slate-400">
          <li>
            <Link href="/help" className="text-brand-700 hover:underline dark:text-brand-500">
              {t("title")}
            </Link>
          </li>
          {article.category && (
            <li className="flex items-center gap-1">
              <span aria-hidden>›</span>
              <span>{article.category.name}</span>
            </li>
          )}
        </ol>
      </nav>
      <article
        lang={article.locale}
        aria-labelledby="help-article-title"
        className="rounded-xl border border-slate-200 bg-white p-5 sm:p-8 dark:border-slate-800 dark:bg-slate-900"
      >
        <h1 id="help-article-title" className="text-2xl font-semibold">
          {article.title}
        </h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" lang={locale}>
          {article.category && <span data-testid="help-article-category">{t("inCategory", { category: article.category.name })} · </span>}
          {t("updated", { date: format.dateTime(article.updatedAt, { dateStyle: "long", timeZone: viewer?.timeZone ?? "UTC" }) })}
        </p>
        <Markdown className="mt-4 text-slate-800 dark:text-slate-200" data-testid="help-article-body">
          {article.body}
        </Markdown>
      </article>
      <HelpfulVote articleId={article.id} initial={article.myVote} />
      {createHref && (
        <section
          aria-labelledby="help-ticket"
          className="flex flex-col items-start gap-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="help-ticket" className="text-lg font-semibold">
            {t("stillNeedHelp")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{viewer ? t("createTicketHint") : t("createTicketSignIn")}</p>
          <Link
            href={createHref}
            className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("createTicket")}
          </Link>
        </section>
      )}
      {article.related.length > 0 && (
        <section aria-labelledby="help-related">
          <h2 id="help-related" className="mb-2 text-lg font-semibold">
            {t("related")}
          </h2>
          <ul className="flex flex-col gap-1.5">
            {article.related.map((r) => (
              <li key={r.id}>
                <Link href={`/help/articles/${r.id}`} className="text-brand-700 hover:underline dark:text-brand-500">
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
