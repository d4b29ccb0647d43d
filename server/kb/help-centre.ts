// The help centre as readers see it: published articles of their language grouped by category, one
// article with its related ones, the search (server/kb/search.ts) and the "¿Fue útil?" votes (seed
// 002: one per reader and article, changeable; the reader is a user's id or, signed out, a random
// id the browser keeps in a cookie). Open to anyone unless an admin asks for a sign-in first.
import type { Principal } from "../access/principal";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { excerptOf } from "./markdown-text";
import { searchArticles } from "./search";

/** SecurityPolicy.helpRequiresSignIn: the help centre refuses signed-out readers. */
export async function assertHelpOpen(db: Db, reader: Principal | null): Promise<void> {
  if (reader) return;
  const policy = await db.securityPolicy.findUnique({ where: { id: 1 }, select: { helpRequiresSignIn: true } });
  if (policy?.helpRequiresSignIn) throw new AppError("unauthenticated");
}

const categoryName = (c: { name: string; nameTranslations: unknown } | null, locale: AppLocale) =>
  c ? localized(c.name, c.nameTranslations, locale) : null;

/** The categories (active ones, in the reader's alphabetical order) with their published articles in
 * `locale`, then the articles without an active category (id null). Empty categories are left out. */
export async function helpHome(db: Db, locale: AppLocale) {
  const articles = await db.kbArticle.findMany({
    where: { locale, published: true },
    orderBy: [{ title: "asc" }],
    select: { id: true, title: true, body: true, category: { select: { id: true, name: true, nameTranslations: true, archivedAt: true } } },
  });
  const groups = new Map<
    number | null,
    { id: number | null; name: string | null; articles: { id: number; title: string; excerpt: string }[] }
  >();
  for (const a of articles) {
    const category = a.category && !a.category.archivedAt ? a.category : null;
    const key = category?.id ?? null;
    if (!groups.has(key)) groups.set(key, { id: key, name: categoryName(category, locale), articles: [] });
    groups.get(key)!.articles.push({ id: a.id, title: a.title, excerpt: excerptOf(a.body) });
  }
  return [...groups.values()].sort(
    (x, y) => Number(x.id === null) - Number(y.id === null) || (x.name ?? "").localeCompare(y.name ?? "", locale),
  );
}

/** The help search: the suggestions' own search, with a few more results. */
export const helpSearch = (db: Db, locale: AppLocale, text: string) => searchArticles(db, locale, text, 20);

/** A published article with its category's name, up to five published articles of the same
 * category and language, and `voter`'s vote (null: none yet). Drafts and unknown ids are not found. */
export async function helpArticle(db: Db, id: number, readerLocale: AppLocale, voter: string | null) {
  const article = await db.kbArticle.findFirst({
    where: { id, published: true },
    select: {
      id: true,
      locale: true,
      title: true,
      body: true,
      updatedAt: true,
      categoryId: true,
      category: { select: { id: true, name: true, nameTranslations: true, archivedAt: true } },
    },
  });
  if (!article) throw new AppError("not_found", "kbArticleNotFound");
  const { category, categoryId, ...rest } = article;
  const [related, vote] = await Promise.all([
    categoryId === null
      ? Promise.resolve([])
      : db.kbArticle.findMany({
          where: { categoryId, locale: article.locale, published: true, id: { not: id } },
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          take: 5,
          select: { id: true, title: true },
        }),
    voter ? db.kbVote.findUnique({ where: { articleId_voter: { articleId: id, voter } }, select: { helpful: true } }) : null,
  ]);
  return {
    ...rest,
    category: category && !category.archivedAt ? { id: category.id, name: categoryName(category, readerLocale)! } : null,
    related,
    myVote: vote ? vote.helpful : null,
  };
}

/** The reader's vote on a published article: one per voter, a second one replaces the first. */
export async function voteOnArticle(db: Db, articleId: number, voter: string, helpful: boolean, now: Date): Promise<void> {
  const article = await db.kbArticle.findFirst({ where: { id: articleId, published: true }, select: { id: true } });
  if (!article) throw new AppError("not_found", "kbArticleNotFound");
  await db.kbVote.upsert({
    where: { articleId_voter: { articleId, voter } },
    create: { articleId, voter, helpful, createdAt: now },
    update: { helpful },
  });
}

/** The voter key of a signed-in reader (their id) or of a signed-out one (the cookie's random id). */
export const voterKey = (reader: Principal | null, cookieId: string | null): string | null =>
  reader ? `user:${reader.id}` : cookieId ? `anon:${cookieId}` : null;

/** A published article's id and title (a ticket opened from it notes it). */
export async function publishedArticle(db: Db, id: number) {
  return db.kbArticle.findFirst({ where: { id, published: true }, select: { id: true, title: true } });
}
