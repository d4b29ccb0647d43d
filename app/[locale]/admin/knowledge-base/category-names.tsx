"use client";
// The four names of a help-centre category: the default language's first and required.
import { useTranslations } from "next-intl";
import { locales, type AppLocale } from "../../../../server/i18n/locales";
import { MAX_CATEGORY_NAME } from "../../../../server/kb/category-fields";
import { Field } from "../../../_components/field";

export type Names = Record<AppLocale, string>;
export const noNames = (): Names => ({ es: "", en: "", pt: "", fr: "" });

export function CategoryNames({
  id,
  value,
  onChange,
  defaultLocale,
  errors,
}: {
  id: string;
  value: Names;
  onChange: (value: Names) => void;
  defaultLocale: AppLocale;
  errors: Record<string, string>;
}) {
  const t = useTranslations();
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{t("Admin.knowledgeBase.categoryNames")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {ordered.map((l) => (
          <Field
            key={l}
            id={`${id}-${l}`}
            lang={l}
            label={l === defaultLocale ? t("Admin.knowledgeBase.nameRequired", { language: t(`Locales.${l}`) }) : t(`Locales.${l}`)}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
            error={errors[`names.${l}`]}
            maxLength={MAX_CATEGORY_NAME}
            autoComplete="off"
          />
        ))}
      </div>
    </fieldset>
  );
}
