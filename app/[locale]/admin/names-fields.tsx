"use client";
// One input per language for something admins name in every language (a department, a category…):
// the deployment's default language first and required, the others optional (readers whose
// language has none read the default one).
import { useTranslations } from "next-intl";
import { locales, type AppLocale } from "../../../server/i18n/locales";
import { Field } from "../../_components/field";

export type NamesValue = Record<AppLocale, string>;
export const emptyNames = (): NamesValue => ({ es: "", en: "", pt: "", fr: "" });

export function NamesFields({
  id,
  legend,
  value,
  onChange,
  defaultLocale,
  errors,
  field,
  multiLine = false,
  required = true,
  maxLength = 80,
}: {
  id: string;
  legend: string;
  value: NamesValue;
  onChange: (value: NamesValue) => void;
  defaultLocale: AppLocale;
  /** The form's field errors; this group reads `${field}.${locale}`. */
  errors: Record<string, string>;
  field: string;
  multiLine?: boolean;
  required?: boolean;
  maxLength?: number;
}) {
  const t = useTranslations();
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {ordered.map((l) => {
          const label = `${t(`Locales.${l}`)}${l === defaultLocale && required ? ` (${t("Admin.names.required")})` : ""}`;
          const error = errors[`${field}.${l}`];
          if (!multiLine) {
            return (
              <Field
                key={l}
                id={`${id}-${l}`}
                lang={l}
                label={label}
                value={value[l]}
                onChange={(e) => onChange({ ...value, [l]: e.target.value })}
                error={error}
                maxLength={maxLength}
                autoComplete="off"
              />
            );
          }
          return (
            <div key={l} className="flex flex-col gap-1">
              <label htmlFor={`${id}-${l}`} className="text-sm font-medium">
                {label}
              </label>
              <textarea
                id={`${id}-${l}`}
                lang={l}
                rows={2}
                value={value[l]}
                maxLength={maxLength}
                onChange={(e) => onChange({ ...value, [l]: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${l}-error` : undefined}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900"
              />
              {error && (
                <p id={`${id}-${l}-error`} className="text-sm text-red-600 dark:text-red-400">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
