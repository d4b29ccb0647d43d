// Knowledge-base suggestions while a ticket's title is typed: full-text in the article's language
// (its stemmer), accents ignored, every typed word as a prefix, best matches first.
import type { Db } from "../db";
import type { AppLocale } from "../i18n/locales";
import { foldText } from "../domain/search-text";
import type { Tx } from "../db";

export const textSearchConfig: Record<AppLocale, string> = { es: "spanish", en: "english", pt: "portuguese", fr: "french" };

export async function indexArticle(tx: Db | Tx, id: number, locale: AppLocale, title: string, body: string): Promise<void> {
  const cfg = textSearchConfig[locale];
  await tx.$executeRaw`UPDATE "KbArticle" SET "searchVector" =
    setweight(to_tsvector(${cfg}::regconfig, ${foldText(title)}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${foldText(body)}), 'B')
    WHERE "id" = ${id}`;
}

export async function suggestArticles(db: Db, locale: AppLocale, text: string, limit = 5) {
  const words = (foldText(text).match(/[\p{L}\p{N}]{3,}/gu) ?? []).slice(0, 10);
  if (!words.length) return [];
  const query = words.map((w) => `${w}:*`).join(" | ");
  const cfg = textSearchConfig[locale];
  return db.$queryRaw<{ id: number; title: string; excerpt: string }[]>`
    SELECT "id", "title", left("body", 160) AS "excerpt"
    FROM "KbArticle", to_tsquery(${cfg}::regconfig, ${query}) AS q
    WHERE "locale" = ${locale}::"Locale" AND "searchVector" @@ q
    ORDER BY ts_rank("searchVector", q) DESC, "id" ASC
    LIMIT ${limit}`;
}
