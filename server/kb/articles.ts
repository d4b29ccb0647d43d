// Knowledge-base articles as admins keep them: list with filters, read one, create, change, delete.
// Every write re-indexes the article's search vector in the same transaction. A category must exist
// and, for a new choice, not be archived; a department must exist. Deleting is plain: tickets keep
// only a nullable link to the article they were opened from (ON DELETE SET NULL), votes go with it.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import type { ArticleFields } from "./article-fields";
import { excerptOf } from "./markdown-text";
import { indexArticle } from "./search";

export interface ArticleFilter {
  /** Words of the title or the body (any language). */
  text?: string;
  locale?: AppLocale;
  /** A category's id, or "none": articles without one. */
  category?: number | "none";
  status?: "published" | "draft";
}

const articleSelect = {
  id: true,
  locale: true,
  title: true,
  body: true,
  published: true,
  categoryId: true,
  departmentId: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.KbArticleSelect;

/** The articles matching the filter, newest change first, with their category's and department's
 * names in the reader's language and their votes. */
export async function listArticles(db: Db, filter: ArticleFilter, readerLocale: AppLocale) {
  const text = filter.text?.trim();
  const where: Prisma.KbArticleWhereInput = {
    ...(filter.locale ? { locale: filter.locale } : {}),
    ...(filter.category === "none" ? { categoryId: null } : filter.category ? { categoryId: filter.category } : {}),
    ...(filter.status ? { published: filter.status === "published" } : {}),
    ...(text ? { OR: [{ title: { contains: text, mode: "insensitive" } }, { body: { contains: text, mode: "insensitive" } }] } : {}),
  };
  const rows = await db.kbArticle.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      ...articleSelect,
      category: { select: { name: true, nameTranslations: true } },
      department: { select: { name: true, nameTranslations: true } },
    },
  });
  const votes = await db.kbVote.groupBy({
    by: ["articleId", "helpful"],
    where: { articleId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const count = (id: number, helpful: boolean) => votes.find((v) => v.articleId === id && v.helpful === helpful)?._count._all ?? 0;
  return rows.map(({ category, department, body, ...a }) => ({
    ...a,
    excerpt: excerptOf(body),
    categoryName: category ? localized(category.name, category.nameTranslations, readerLocale) : null,
    departmentName: department ? localized(department.name, department.nameTranslations, readerLocale) : null,
    helpful: count(a.id, true),
    notHelpful: count(a.id, false),
  }));
}

/** One article as the edit form needs it. */
export async function getArticle(db: Db, id: number) {
  const article = await db.kbArticle.findUnique({ where: { id }, select: articleSelect });
  if (!article) throw new AppError("not_found", "kbArticleNotFound");
  return article;
}

/** The category and department an article names must exist; a category newly chosen must not be archived. */
async function checkPlacement(db: Db, fields: ArticleFields, currentCategoryId: number | null): Promise<void> {
  if (fields.categoryId !== null) {
    const category = await db.kbCategory.findUnique({ where: { id: fields.categoryId }, select: { archivedAt: true } });
    if (!category) throw new AppError("invalid_input", "kbCategoryNotFound");
    if (category.archivedAt && fields.categoryId !== currentCategoryId) throw new AppError("invalid_input", "kbCategoryArchived");
  }
  if (fields.departmentId !== null) {
    const department = await db.department.findUnique({ where: { id: fields.departmentId }, select: { id: true } });
    if (!department) throw new AppError("invalid_input", "departmentUnknown");
  }
}

export async function createArticle(db: Db, fields: ArticleFields, now: Date) {
  await checkPlacement(db, fields, null);
  return db.$transaction(async (tx) => {
    const article = await tx.kbArticle.create({ data: { ...fields, createdAt: now, updatedAt: now }, select: { id: true } });
    await indexArticle(tx, article.id, fields.locale, fields.title, fields.body);
    return tx.kbArticle.findUniqueOrThrow({ where: { id: article.id }, select: articleSelect });
  });
}

export async function updateArticle(db: Db, id: number, fields: ArticleFields, now: Date) {
  const current = await getArticle(db, id);
  await checkPlacement(db, fields, current.categoryId);
  return db.$transaction(async (tx) => {
    const article = await tx.kbArticle.update({ where: { id }, data: { ...fields, updatedAt: now }, select: articleSelect });
    await indexArticle(tx, id, fields.locale, fields.title, fields.body);
    return article;
  });
}

export async function deleteArticle(db: Db, id: number): Promise<void> {
  const { count } = await db.kbArticle.deleteMany({ where: { id } });
  if (!count) throw new AppError("not_found", "kbArticleNotFound");
}
