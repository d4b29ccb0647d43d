"use client";
// Creating or editing a category of a department: its name and the description customers read on
// the create form, in every language. A refusal keeps everything typed.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { categoryFields, categoryUpdateFields } from "../../../../server/departments/department-fields";
import type { AppLocale } from "../../../../server/i18n/locales";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { NamesFields, emptyNames, type NamesValue } from "../names-fields";
import type { AdminCategory } from "./departments-admin";

interface Values {
  names: NamesValue;
  descriptions: NamesValue;
  slug: string;
}

const initial = (c?: AdminCategory): Values =>
  c
    ? { names: { ...c.names }, descriptions: { ...c.descriptions }, slug: c.slug }
    : { names: emptyNames(), descriptions: emptyNames(), slug: "" };

export function CategoryForm({
  departmentId,
  category,
  defaultLocale,
  onDone,
}: {
  departmentId: number;
  category?: AdminCategory;
  defaultLocale: AppLocale;
  onDone?: (notice?: string) => void;
}) {
  const t = useTranslations("Admin.departments");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.departments.createCategory.mutationOptions());
  const update = useMutation(trpc.admin.departments.updateCategory.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Values>(() => initial(category));
  const prefix = category ? `category-${category.id}` : `category-new-${departmentId}`;
  const pending = create.isPending || update.isPending;

  async function save(event: FormEvent) {
    event.preventDefault();
    const name = values.names[defaultLocale].trim();
    const ok = category
      ? await submit(categoryUpdateFields(defaultLocale), { id: category.id, ...values }, (input) => update.mutateAsync(input))
      : await submit(categoryFields(defaultLocale), { departmentId, ...values }, (input) => create.mutateAsync(input));
    if (!ok) return;
    if (!category) setValues(initial());
    router.refresh();
    onDone?.(t(category ? "categoryUpdated" : "categoryCreated", { name }));
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-3"
      aria-label={category ? t("editCategoryTitle", { name: category.name }) : t("createCategoryTitle")}
    >
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <NamesFields
        id={`${prefix}-name`}
        legend={t("categoryNames")}
        value={values.names}
        onChange={(names) => setValues((v) => ({ ...v, names }))}
        defaultLocale={defaultLocale}
        errors={errors.fields}
        field="names"
      />
      <NamesFields
        id={`${prefix}-description`}
        legend={t("categoryDescriptions")}
        value={values.descriptions}
        onChange={(descriptions) => setValues((v) => ({ ...v, descriptions }))}
        defaultLocale={defaultLocale}
        errors={errors.fields}
        field="descriptions"
        multiLine
        required={false}
        maxLength={300}
      />
      <Field
        id={`${prefix}-slug`}
        label={t("slug")}
        hint={t("slugHint")}
        value={values.slug}
        onChange={(e) => setValues((v) => ({ ...v, slug: e.target.value }))}
        error={errors.fields.slug}
        maxLength={60}
        autoComplete="off"
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("saving") : t(category ? "save" : "addCategory")}
        </button>
        {category && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone?.()}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
