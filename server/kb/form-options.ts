// What the article form offers: every department, named in the reader's language.
import type { Db } from "../db";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";

export async function kbFormOptions(db: Db, locale: AppLocale) {
  const departments = await db.department.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, nameTranslations: true } });
  return departments.map((d) => ({ id: d.id, name: localized(d.name, d.nameTranslations, locale) }));
}
