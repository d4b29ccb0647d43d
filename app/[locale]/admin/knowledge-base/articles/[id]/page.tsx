import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "../../../../../_i18n/navigation";
import { titled } from "../../../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../../../_lib/viewer";
import { card } from "../../../admin-ui";
import { ArticleForm } from "../../article-form";

export const generateMetadata = titled("Admin.knowledgeBase.editArticle");

/** Changing (or deleting) one help-centre article. */
export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const t = await getTranslations("Admin");
  const caller = await serverCaller();
  const [article, categories, options] = await Promise.all([
    caller.admin.knowledgeBase.article({ id: Number(id) }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    caller.admin.knowledgeBase.categories(),
    caller.admin.knowledgeBase.formOptions(),
  ]);
  const created = (await searchParams).created === "1";
  return (
    <section className="flex flex-col gap-4">
      <Link href="/admin/knowledge-base" className="text-sm text-brand-700 hover:underline dark:text-brand-500">
        {t("knowledgeBase.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("knowledgeBase.editArticle")}</h1>
      <div className={card}>
        <ArticleForm
          article={article}
          categories={categories}
          departments={options.departments}
          defaultLocale={options.defaultLocale}
          notice={created ? t("knowledgeBase.created") : undefined}
        />
      </div>
    </section>
  );
}
