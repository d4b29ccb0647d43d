"use client";
// Writing or changing a help-centre article: language, title, Markdown body with a preview, category,
// the department it helps with, published or draft. A refusal (in the browser or by the server) keeps
// everything typed and shows the reason under its field. Deleting asks for a confirmation first.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { locales, type AppLocale } from "../../../../server/i18n/locales";
import { articleFields, articleUpdateFields, MAX_ARTICLE_BODY } from "../../../../server/kb/article-fields";
import type { AppRouter } from "../../../../server/trpc/router";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { Markdown } from "../../../_components/markdown";
import { useRouter } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField, dangerButtonClass } from "../admin-ui";

type Outputs = inferRouterOutputs<AppRouter>["admin"]["knowledgeBase"];
type Article = Outputs["article"];

interface Values {
  locale: AppLocale;
  title: string;
  body: string;
  categoryId: string;
  departmentId: string;
  published: boolean;
}

export function ArticleForm({
  article,
  categories,
  departments,
  defaultLocale,
  notice: initialNotice,
}: {
  /** Absent: a new article. */
  article?: Article;
  categories: Outputs["categories"];
  departments: Outputs["formOptions"]["departments"];
  defaultLocale: AppLocale;
  notice?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.knowledgeBase.createArticle.mutationOptions());
  const update = useMutation(trpc.admin.knowledgeBase.updateArticle.mutationOptions());
  const remove = useMutation(trpc.admin.knowledgeBase.deleteArticle.mutationOptions());
  const { errors, submit, fromError, clear } = useFormErrors();
  const [values, setValues] = useState<Values>(() => ({
    locale: article?.locale ?? defaultLocale,
    title: article?.title ?? "",
    body: article?.body ?? "",
    categoryId: article?.categoryId ? String(article.categoryId) : "",
    departmentId: article?.departmentId ? String(article.departmentId) : "",
    published: article?.published ?? false,
  }));
  const [preview, setPreview] = useState(false);
  const [notice, setNotice] = useState(initialNotice);
  const [confirming, setConfirming] = useState(false);
  const pending = create.isPending || update.isPending;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setNotice(undefined);
    setValues((v) => ({ ...v, [key]: value }));
  };
  // Archived categories are not offered, except the one the article already has.
  const offered = categories.filter((c) => !c.archivedAt || c.id === article?.categoryId);

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    if (article) {
      const ok = await submit(articleUpdateFields, { id: article.id, ...values }, (input) => update.mutateAsync(input));
      if (ok) {
        setNotice(t(values.published ? "Admin.knowledgeBase.savedPublished" : "Admin.knowledgeBase.savedDraft"));
        router.refresh();
      }
      return;
    }
    let createdId: number | undefined;
    const ok = await submit(articleFields, values, async (input) => {
      createdId = (await create.mutateAsync(input)).id;
    });
    if (ok && createdId) router.push(`/admin/knowledge-base/articles/${createdId}?created=1`);
  }

  async function confirmDelete() {
    if (!article) return;
    clear();
    try {
      await remove.mutateAsync({ id: article.id });
      router.push("/admin/knowledge-base");
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  const bodyError = errors.fields.body;
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;
  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-4"
      aria-label={article ? t("Admin.knowledgeBase.editArticle") : t("Admin.knowledgeBase.newArticle")}
    >
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-[1fr_3fr]">
        <SelectField
          id="kb-article-locale"
          label={t("Admin.knowledgeBase.language")}
          value={values.locale}
          onChange={(e) => set("locale", e.target.value as AppLocale)}
          error={errors.fields.locale}
        >
          {locales.map((l) => (
            <option key={l} value={l}>
              {t(`Locales.${l}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id="kb-article-title"
          label={t("Admin.knowledgeBase.title")}
          lang={values.locale}
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          error={errors.fields.title}
          maxLength={200}
          autoComplete="off"
        />
      </div>
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor="kb-article-body" className="text-sm font-medium">
            {t("Admin.knowledgeBase.body")}
          </label>
          <div role="group" aria-label={t("Admin.knowledgeBase.bodyView")} className="flex gap-1">
            <button type="button" aria-pressed={!preview} className={tab(!preview)} onClick={() => setPreview(false)}>
              {t("Admin.knowledgeBase.write")}
            </button>
            <button type="button" aria-pressed={preview} className={tab(preview)} onClick={() => setPreview(true)}>
              {t("Admin.knowledgeBase.preview")}
            </button>
          </div>
        </div>
        <textarea
          id="kb-article-body"
          rows={16}
          lang={values.locale}
          hidden={preview}
          value={values.body}
          maxLength={MAX_ARTICLE_BODY}
          onChange={(e) => set("body", e.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`kb-article-body-hint${bodyError ? " kb-article-body-error" : ""}`}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900"
        />
        {preview && (
          <div
            data-testid="kb-article-preview"
            className="min-h-40 rounded-md border border-slate-200 bg-slate-50 px-4 py-2 dark:border-slate-700 dark:bg-slate-950"
          >
            {values.body.trim() ? (
              <Markdown lang={values.locale} className="text-slate-800 dark:text-slate-200">
                {values.body}
              </Markdown>
            ) : (
              <p className="py-2 text-sm text-slate-600 dark:text-slate-400">{t("Admin.knowledgeBase.previewEmpty")}</p>
            )}
          </div>
        )}
        <p id="kb-article-body-hint" className="text-xs text-slate-500 dark:text-slate-400">
          {t("Admin.knowledgeBase.bodyHint")}
        </p>
        {bodyError && (
          <p id="kb-article-body-error" className="text-sm text-red-600 dark:text-red-400">
            {bodyError}
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="kb-article-category"
          label={t("Admin.knowledgeBase.category")}
          value={values.categoryId}
          onChange={(e) => set("categoryId", e.target.value)}
          error={errors.fields.categoryId}
        >
          <option value="">{t("Admin.knowledgeBase.noCategory")}</option>
          {offered.map((c) => (
            <option key={c.id} value={c.id}>
              {c.archivedAt ? t("Admin.knowledgeBase.archivedName", { name: c.name }) : c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="kb-article-department"
          label={t("Admin.knowledgeBase.department")}
          hint={t("Admin.knowledgeBase.departmentHint")}
          value={values.departmentId}
          onChange={(e) => set("departmentId", e.target.value)}
          error={errors.fields.departmentId}
        >
          <option value="">{t("Admin.knowledgeBase.anyDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("Admin.knowledgeBase.status")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kb-article-status"
              checked={values.published}
              onChange={() => set("published", true)}
              className="size-4"
            />
            {t("Admin.knowledgeBase.publishedOption")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kb-article-status"
              checked={!values.published}
              onChange={() => set("published", false)}
              className="size-4"
            />
            {t("Admin.knowledgeBase.draftOption")}
          </label>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("Common.saving") : t(article ? "Admin.knowledgeBase.save" : "Admin.knowledgeBase.create")}
        </button>
        {article && values.published && (
          <a
            href={`/${values.locale}/help/articles/${article.id}`}
            target="_blank"
            rel="noopener noreferrer"
            className={secondaryButtonClass}
          >
            {t("Admin.knowledgeBase.viewInHelp")}
          </a>
        )}
        {article && !confirming && (
          <button type="button" className={`${dangerButtonClass} sm:ml-auto`} onClick={() => setConfirming(true)}>
            {t("Admin.knowledgeBase.deleteArticle")}
          </button>
        )}
      </div>
      {article && confirming && (
        <div
          role="group"
          aria-label={t("Admin.knowledgeBase.deleteArticle")}
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950"
        >
          <p>{t("Admin.knowledgeBase.confirmDelete", { title: article.title })}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={dangerButtonClass} disabled={remove.isPending} onClick={() => void confirmDelete()}>
              {t("Admin.knowledgeBase.confirmDeleteButton")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              {t("Admin.knowledgeBase.cancel")}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
