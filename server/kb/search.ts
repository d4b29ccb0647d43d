// Full-text search over the published knowledge-base articles of one language: the create-ticket
// form's suggestions and the help centre's search box are this one function. Each article's words
// are indexed in its language's configuration (its stemmer: "dominios" finds "dominio"), accents
// ignored; every typed word counts as a prefix, best matches first (the title outweighs the body).
import type { Db, Tx } from "../db";
import type { AppLocale } from "../i18n/locales";
import { foldText } from "../domain/search-text";
import { excerptOf, markdownToText } from "./markdown-text";

export const textSearchConfig: Record<AppLocale, string> = { es: "spanish", en: "english", pt: "portuguese", fr: "french" };

/** Rewrites an article's search vector from its title and body (called on every write). */
export async function indexArticle(tx: Db | Tx, id: number, locale: AppLocale, title: string, body: string): Promise<void> {
  const cfg = textSearchConfig[locale];
  await tx.$executeRaw`UPDATE "KbArticle" SET "searchVector" =
    setweight(to_tsvector(${cfg}::regconfig, ${foldText(title)}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${foldText(markdownToText(body))}), 'B')
    WHERE "id" = ${id}`;
}

export interface ArticleHit {
  id: number;
  title: string;
  /** The start of the body as plain text. */
  excerpt: string;
  categoryId: number | null;
}

/** Published articles in `locale` matching `text`, best first; drafts are never found. */
export async function searchArticles(db: Db, locale: AppLocale, text: string, limit = 5): Promise<ArticleHit[]> {
  const words = (foldText(text).match(/[\p{L}\p{N}]{3,}/gu) ?? []).slice(0, 10);
  if (!words.length) return [];
  const query = words.map((w) => `${w}:*`).join(" | ");
  const cfg = textSearchConfig[locale];
  const rows = await db.$queryRaw<{ id: number; title: string; body: string; categoryId: number | null }[]>`
    SELECT "id", "title", "body", "categoryId"
    FROM "KbArticle", to_tsquery(${cfg}::regconfig, ${query}) AS q
    WHERE "locale" = ${locale}::"Locale" AND "published" AND "searchVector" @@ q
    ORDER BY ts_rank("searchVector", q) DESC, "id" ASC
    LIMIT ${limit}`;
  return rows.map(({ body, ...r }) => ({ ...r, excerpt: excerptOf(body) }));
}
