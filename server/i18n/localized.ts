// Names that admins write per language (departments, categories, calendars, help-centre headings):
// `name` is in the deployment's default language, `nameTranslations` holds the others. Every reader
// sees their language's name, else the default one.
import { parseEnv } from "../config/env";
import { isLocale, locales, type AppLocale } from "./locales";

export type Translations = Partial<Record<AppLocale, string>>;

let cachedDefault: AppLocale | undefined;
/** DEFAULT_LOCALE: the language of every `name` column. */
export function contentLocale(): AppLocale {
  return (cachedDefault ??= parseEnv(process.env).DEFAULT_LOCALE);
}

/** The stored JSON as translations, ignoring anything that is not a non-empty string per locale. */
export function readTranslations(value: unknown): Translations {
  if (!value || typeof value !== "object") return {};
  const out: Translations = {};
  for (const [key, text] of Object.entries(value)) if (isLocale(key) && typeof text === "string" && text.trim()) out[key] = text;
  return out;
}

/** The reader's name for a thing named `name` in the default language. */
export function localized(name: string, translations: unknown, locale: AppLocale): string {
  if (locale === contentLocale()) return name;
  return readTranslations(translations)[locale] ?? name;
}

/** Every language's name, the default one included: what an admin form edits. */
export function allNames(name: string, translations: unknown): Record<AppLocale, string> {
  const t = readTranslations(translations);
  const def = contentLocale();
  return Object.fromEntries(locales.map((l) => [l, l === def ? name : (t[l] ?? "")])) as Record<AppLocale, string>;
}

/** A form's four names → the row's `name` (the default language's, required) and the others. */
export function splitNames(names: Partial<Record<AppLocale, string>>): { name: string; nameTranslations: Translations } {
  const def = contentLocale();
  const nameTranslations: Translations = {};
  for (const l of locales) {
    const text = names[l]?.trim();
    if (l !== def && text) nameTranslations[l] = text;
  }
  return { name: names[def]?.trim() ?? "", nameTranslations };
}
