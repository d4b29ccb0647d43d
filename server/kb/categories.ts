// Help-centre categories as admins keep them: a name per language (the default language's required,
// unique), a slug made from it once, archived rather than deleted while articles refer to them.
// Archived categories take no new articles and the help centre lists their articles with the
// uncategorised ones.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { allNames, localized, splitNames } from "../i18n/localized";
import { foldText } from "../domain/search-text";
import type { CategoryNames } from "./category-fields";

/** Every category (active first, then by name) with all its names and how many articles it holds. */
export async function listCategories(db: Db, readerLocale: AppLocale) {
  const rows = await db.kbCategory.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, nameTranslations: true, slug: true, archivedAt: true, _count: { select: { articles: true } } },
  });
  return rows
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      name: localized(c.name, c.nameTranslations, readerLocale),
      names: allNames(c.name, c.nameTranslations),
      archivedAt: c.archivedAt,
      articleCount: c._count.articles,
    }))
    .sort((a, b) => Number(!!a.archivedAt) - Number(!!b.archivedAt) || a.name.localeCompare(b.name, readerLocale));
}

const slugOf = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "categoria";

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugOf(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db.kbCategory.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const taken = await db.kbCategory.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AppError("conflict", "kbCategoryNameTaken", { name });
}

/** A unique-index race (two admins, one name) is the same refusal as the check before it. */
async function nameRace<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "kbCategoryNameTaken", { name });
    throw error;
  }
}

function namesOf(names: CategoryNames) {
  const split = splitNames(names);
  // The schema requires it; a caller that skipped the schema is refused the same way.
  if (!split.name) throw new AppError("invalid_input", "invalid_input");
  return split;
}

export async function createCategory(db: Db, names: CategoryNames) {
  const { name, nameTranslations } = namesOf(names);
  await assertNameFree(db, name);
  const slug = await freeSlug(db, name);
  return nameRace(name, () => db.kbCategory.create({ data: { name, nameTranslations, slug }, select: { id: true, name: true } }));
}

/** Renames; the slug stays (links keep working). */
export async function updateCategory(db: Db, id: number, names: CategoryNames) {
  const { name, nameTranslations } = namesOf(names);
  await findCategory(db, id);
  await assertNameFree(db, name, id);
  return nameRace(name, () => db.kbCategory.update({ where: { id }, data: { name, nameTranslations }, select: { id: true, name: true } }));
}

async function findCategory(db: Db, id: number) {
  const category = await db.kbCategory.findUnique({ where: { id }, select: { id: true, _count: { select: { articles: true } } } });
  if (!category) throw new AppError("not_found", "kbCategoryNotFound");
  return category;
}

/** Archives (or brings back) a category: its articles keep it, new ones cannot choose it. */
export async function archiveCategory(db: Db, id: number, archived: boolean, now: Date): Promise<void> {
  await findCategory(db, id);
  await db.kbCategory.update({ where: { id }, data: { archivedAt: archived ? now : null } });
}

/** Only a category no article refers to may go; one in use is archived instead. */
export async function deleteCategory(db: Db, id: number): Promise<void> {
  const category = await findCategory(db, id);
  if (category._count.articles > 0) throw new AppError("conflict", "kbCategoryInUse");
  // A race with an article choosing it: the FK would set that article's category to null, so check in the delete.
  const { count } = await db.kbCategory.deleteMany({ where: { id, articles: { none: {} } } });
  if (!count) throw new AppError("conflict", "kbCategoryInUse");
}
