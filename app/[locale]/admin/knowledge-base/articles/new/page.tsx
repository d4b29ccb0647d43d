import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "../../../../../../server/i18n/locales";
import { Link } from "../../../../../_i18n/navigation";
import { titled } from "../../../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../../../_lib/viewer";
import { card } from "../../../admin-ui";
import { ArticleForm } from "../../article-form";

export const generateMetadata = titled("Admin.knowledgeBase.newArticle");

/** A new help-centre article (a draft until published). */
export default async function NewArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const caller = await serverCaller();
  const [categories, options] = await Promise.all([caller.admin.knowledgeBase.categories(), caller.admin.knowledgeBase.formOptions()]);
  return (
    <section className="flex flex-col gap-4">
      <Link href="/admin/knowledge-base" className="text-sm text-brand-700 hover:underline dark:text-brand-500">
        {t("knowledgeBase.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("knowledgeBase.newArticle")}</h1>
      <div className={card}>
        <ArticleForm
          categories={categories}
          departments={options.departments}
          defaultLocale={isLocale(locale) ? locale : options.defaultLocale}
        />
      </div>
    </section>
  );
}
