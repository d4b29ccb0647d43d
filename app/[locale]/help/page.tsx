// The help centre's home: a search over the published articles of the reader's language (the same
// full-text search as the create form's suggestions) and, without a search, every article by category.
import { inlineLinkClass } from "../../_components/field";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "../../../server/i18n/locales";
import { Link } from "../../_i18n/navigation";
import { serverCaller } from "../../_lib/viewer";
import { helpRead } from "./help-access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Help");
  return { title: `${t("title")} · Mesa` };
}

const cardClass = "rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";

function ArticleLink({ article }: { article: { id: number; title: string; excerpt: string } }) {
  return (
    <li>
      <Link
        href={`/help/articles/${article.id}`}
        className="font-medium text-brand-700 hover:underline dark:text-brand-500"
        data-testid="help-article-link"
      >
        {article.title}
      </Link>
      <p className="text-sm text-slate-600 dark:text-slate-400">{article.excerpt}</p>
    </li>
  );
}

export default async function HelpHomePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200).trim() ?? "";
  const t = await getTranslations("Help");
  const caller = await serverCaller();
  const helpLocale = isLocale(locale) ? locale : undefined;
  const path = q ? `/help?q=${encodeURIComponent(q)}` : "/help";
  const [results, groups] = await helpRead(locale, path, () =>
    Promise.all([
      q ? caller.help.search({ text: q, locale: helpLocale }) : Promise.resolve(null),
      q ? Promise.resolve([]) : caller.help.home({ locale: helpLocale }),
    ]),
  );
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <form action={`/${locale}/help`} method="get" role="search" aria-label={t("searchLabel")} className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="help-q" className="sr-only">
          {t("searchLabel")}
        </label>
        <input
          id="help-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder={t("searchPlaceholder")}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("search")}
        </button>
      </form>
      {results ? (
        <section aria-labelledby="help-results" className={cardClass}>
          <h2 id="help-results" className="mb-3 text-lg font-semibold">
            {t("results", { count: results.length, q })}
          </h2>
          {results.length ? (
            <ul className="flex flex-col gap-3" data-testid="help-results">
              {results.map((a) => (
                <ArticleLink key={a.id} article={a} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("noResults")}</p>
          )}
          <p className="mt-4 text-sm">
            <Link href="/help" className={inlineLinkClass}>
              {t("allArticles")}
            </Link>
          </p>
        </section>
      ) : groups.length ? (
        <div className="grid gap-4 md:grid-cols-2">
          {groups.map((g) => {
            const id = `help-category-${g.id ?? "other"}`;
            return (
              <section key={id} aria-labelledby={id} className={cardClass}>
                <h2 id={id} className="mb-3 text-lg font-semibold">
                  {g.name ?? t("otherArticles")}
                </h2>
                <ul className="flex flex-col gap-3">
                  {g.articles.map((a) => (
                    <ArticleLink key={a.id} article={a} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">{t("empty")}</p>
      )}
    </div>
  );
}
