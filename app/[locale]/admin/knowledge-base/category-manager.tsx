"use client";
// The help centre's categories: rename (a name per language), archive or bring back, delete one no
// article uses (one in use is archived instead: its articles keep it), and add a new one. A refusal
// keeps what was typed and shows the reason under its field.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppLocale } from "../../../../server/i18n/locales";
import { categoryFields, categoryUpdateFields } from "../../../../server/kb/category-fields";
import type { AppRouter } from "../../../../server/trpc/router";
import { FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card, dangerButtonClass, smallButtonClass } from "../admin-ui";
import { CategoryNames, noNames, type Names } from "./category-names";

type Category = inferRouterOutputs<AppRouter>["admin"]["knowledgeBase"]["categories"][number];

function CategoryForm({
  category,
  defaultLocale,
  onDone,
}: {
  category?: Category;
  defaultLocale: AppLocale;
  onDone: (notice: string | undefined) => void;
}) {
  const t = useTranslations("Admin.knowledgeBase");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.knowledgeBase.createCategory.mutationOptions());
  const update = useMutation(trpc.admin.knowledgeBase.updateCategory.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [names, setNames] = useState<Names>(() => (category ? { ...category.names } : noNames()));
  const prefix = category ? `kb-category-${category.id}` : "kb-category-new";

  async function save(event: FormEvent) {
    event.preventDefault();
    const ok = category
      ? await submit(categoryUpdateFields(defaultLocale), { id: category.id, names }, (input) => update.mutateAsync(input))
      : await submit(categoryFields(defaultLocale), { names }, (input) => create.mutateAsync(input));
    if (!ok) return;
    const name = names[defaultLocale].trim();
    if (!category) setNames(noNames());
    router.refresh();
    onDone(t(category ? "categoryUpdated" : "categoryCreated", { name }));
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-3"
      aria-label={category ? t("editCategoryOf", { name: category.name }) : t("newCategory")}
    >
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <CategoryNames id={prefix} value={names} onChange={setNames} defaultLocale={defaultLocale} errors={errors.fields} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={create.isPending || update.isPending}>
          {t(category ? "saveCategory" : "createCategory")}
        </button>
        {category && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone(undefined)}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

export function CategoryManager({ categories, defaultLocale }: { categories: Category[]; defaultLocale: AppLocale }) {
  const t = useTranslations("Admin.knowledgeBase");
  const router = useRouter();
  const trpc = useTRPC();
  const archive = useMutation(trpc.admin.knowledgeBase.archiveCategory.mutationOptions());
  const remove = useMutation(trpc.admin.knowledgeBase.deleteCategory.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<number>();

  async function act(action: () => Promise<unknown>, message: string) {
    clear();
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {categories.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("noCategories")}</p>}
      <ul className="flex flex-col gap-2">
        {categories.map((c) => {
          const titleId = `kb-category-${c.id}-title`;
          return (
            <li key={c.id} aria-labelledby={titleId} className={`${card} flex flex-col gap-2`} data-testid="kb-category">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={titleId} className="font-semibold">
                  {c.name}
                </h3>
                {c.archivedAt && (
                  <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                    {t("archived")}
                  </span>
                )}
                <span className="text-xs text-slate-600 dark:text-slate-400">{t("articleCount", { count: c.articleCount })}</span>
              </div>
              {editing === c.id ? (
                <CategoryForm
                  category={c}
                  defaultLocale={defaultLocale}
                  onDone={(message) => {
                    setEditing(undefined);
                    if (message) setNotice(message);
                  }}
                />
              ) : (
                <>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {Object.entries(c.names)
                      .filter(([, name]) => name)
                      .map(([l, name]) => `${l.toUpperCase()}: ${name}`)
                      .join(" · ")}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={t("editCategoryOf", { name: c.name })}
                      onClick={() => {
                        clear();
                        setNotice(undefined);
                        setEditing(c.id);
                      }}
                    >
                      {t("edit")}
                    </button>
                    <button
                      type="button"
                      className={smallButtonClass}
                      disabled={archive.isPending}
                      aria-label={t(c.archivedAt ? "restoreOf" : "archiveOf", { name: c.name })}
                      onClick={() =>
                        void act(
                          () => archive.mutateAsync({ id: c.id, archived: !c.archivedAt }),
                          t(c.archivedAt ? "categoryRestored" : "categoryArchived", { name: c.name }),
                        )
                      }
                    >
                      {t(c.archivedAt ? "restore" : "archive")}
                    </button>
                    {c.articleCount === 0 && (
                      <button
                        type="button"
                        className={dangerButtonClass}
                        disabled={remove.isPending}
                        aria-label={t("deleteCategoryOf", { name: c.name })}
                        onClick={() => void act(() => remove.mutateAsync({ id: c.id }), t("categoryDeleted", { name: c.name }))}
                      >
                        {t("delete")}
                      </button>
                    )}
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="kb-category-new-title" className={card}>
        <h3 id="kb-category-new-title" className="mb-3 font-semibold">
          {t("newCategory")}
        </h3>
        <CategoryForm defaultLocale={defaultLocale} onDone={(message) => setNotice(message)} />
      </section>
    </div>
  );
}
