// Admin > Knowledge base: the articles (drafts included) with a search and filters, a link to write
// a new one, and the help centre's categories.
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { locales, isLocale } from "../../../../server/i18n/locales";
import { Link } from "../../../_i18n/navigation";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card, selectClass } from "../admin-ui";
import { buttonClass, secondaryButtonClass } from "../../../_components/field";
import { CategoryManager } from "./category-manager";

export const generateMetadata = titled("Admin.nav.knowledgeBase");

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function KnowledgeBasePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations();
  const format = await getFormatter();
  const query = await searchParams;
  const q = one(query.q).slice(0, 200);
  const language = one(query.language);
  const categoryParam = one(query.category);
  const status = one(query.status);
  const filter = {
    text: q || undefined,
    locale: isLocale(language) ? language : undefined,
    category: categoryParam === "none" ? ("none" as const) : /^\d{1,9}$/.test(categoryParam) ? Number(categoryParam) : undefined,
    status: status === "published" ? ("published" as const) : status === "draft" ? ("draft" as const) : undefined,
  };
  const caller = await serverCaller();
  const [articles, categories, options] = await Promise.all([
    caller.admin.knowledgeBase.articles(filter),
    caller.admin.knowledgeBase.categories(),
    caller.admin.knowledgeBase.formOptions(),
  ]);
  const filtered = !!(filter.text || filter.locale || filter.category || filter.status);
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold">{t("Admin.nav.knowledgeBase")}</h1>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("Admin.knowledgeBase.intro")}</p>
        </div>
        <Link href="/admin/knowledge-base/articles/new" className={buttonClass}>
          {t("Admin.knowledgeBase.newArticle")}
        </Link>
      </div>
      <section aria-labelledby="kb-articles" className="flex flex-col gap-3">
        <h2 id="kb-articles" className="text-lg font-semibold">
          {t("Admin.knowledgeBase.articles")}
        </h2>
        <form
          method="get"
          role="search"
          aria-label={t("Admin.knowledgeBase.filters")}
          className={`${card} grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end`}
        >
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="kb-q" className="text-sm font-medium">
              {t("Admin.knowledgeBase.search")}
            </label>
            <input
              id="kb-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={200}
              placeholder={t("Admin.knowledgeBase.searchPlaceholder")}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="kb-language" className="text-sm font-medium">
              {t("Admin.knowledgeBase.language")}
            </label>
            <select id="kb-language" name="language" defaultValue={filter.locale ?? ""} className={selectClass}>
              <option value="">{t("Admin.knowledgeBase.allLanguages")}</option>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {t(`Locales.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="kb-category" className="text-sm font-medium">
              {t("Admin.knowledgeBase.category")}
            </label>
            <select id="kb-category" name="category" defaultValue={String(filter.category ?? "")} className={selectClass}>
              <option value="">{t("Admin.knowledgeBase.allCategories")}</option>
              <option value="none">{t("Admin.knowledgeBase.noCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.archivedAt ? t("Admin.knowledgeBase.archivedName", { name: c.name }) : c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="kb-status" className="text-sm font-medium">
              {t("Admin.knowledgeBase.status")}
            </label>
            <select id="kb-status" name="status" defaultValue={filter.status ?? ""} className={selectClass}>
              <option value="">{t("Admin.knowledgeBase.allStatuses")}</option>
              <option value="published">{t("Admin.knowledgeBase.published")}</option>
              <option value="draft">{t("Admin.knowledgeBase.draft")}</option>
            </select>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass}>
              {t("Admin.knowledgeBase.filter")}
            </button>
            {filtered && (
              <Link href="/admin/knowledge-base" className={secondaryButtonClass}>
                {t("Admin.knowledgeBase.clearFilters")}
              </Link>
            )}
          </div>
        </form>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {t("Admin.knowledgeBase.count", { count: articles.length })}
        </p>
        {articles.length > 0 && (
          <ul className="flex flex-col gap-2" data-testid="kb-article-list">
            {articles.map((a) => (
              <li key={a.id} className={`${card} flex flex-col gap-1`} data-testid="kb-article">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/admin/knowledge-base/articles/${a.id}`}
                    className="font-semibold text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {a.title}
                  </Link>
                  <span
                    className={
                      a.published
                        ? "rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
                        : "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                    }
                  >
                    {a.published ? t("Admin.knowledgeBase.published") : t("Admin.knowledgeBase.draft")}
                  </span>
                </div>
                <p className="text-sm text-slate-600 dark:text-slate-400" lang={a.locale}>
                  {a.excerpt}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {[
                    t(`Locales.${a.locale}`),
                    a.categoryName ?? t("Admin.knowledgeBase.noCategory"),
                    a.departmentName,
                    t("Admin.knowledgeBase.updatedOn", {
                      date: format.dateTime(a.updatedAt, { dateStyle: "medium", timeZone: viewer.timeZone }),
                    }),
                    t("Admin.knowledgeBase.votes", { helpful: a.helpful, notHelpful: a.notHelpful }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
        {articles.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {filtered ? t("Admin.knowledgeBase.noMatch") : t("Admin.knowledgeBase.empty")}
          </p>
        )}
      </section>
      <section aria-labelledby="kb-categories" className="flex flex-col gap-3">
        <div>
          <h2 id="kb-categories" className="text-lg font-semibold">
            {t("Admin.knowledgeBase.categories")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("Admin.knowledgeBase.categoriesIntro")}</p>
        </div>
        <CategoryManager categories={categories} defaultLocale={options.defaultLocale} />
      </section>
    </section>
  );
}
