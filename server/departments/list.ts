// Departments with their categories, in the reader's language; an agent's own departments.
// Archived departments and categories take no new tickets, so pickers leave them out.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { Principal } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";

export const departmentSelect = {
  id: true,
  name: true,
  nameTranslations: true,
  slug: true,
  sensitiveInfo: true,
  categories: {
    where: { archivedAt: null },
    select: { id: true, name: true, nameTranslations: true, description: true, descriptionTranslations: true, slug: true },
    orderBy: { id: "asc" },
  },
} as const satisfies Prisma.DepartmentSelect;

type DepartmentRow = Prisma.DepartmentGetPayload<{ select: typeof departmentSelect }>;

/** A department as its reader names it: names and category descriptions in `locale`. */
export function localizeDepartment({ nameTranslations, categories, ...d }: DepartmentRow, locale: AppLocale) {
  return {
    ...d,
    name: localized(d.name, nameTranslations, locale),
    categories: categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: localized(c.name, c.nameTranslations, locale),
      description: localized(c.description, c.descriptionTranslations, locale),
    })),
  };
}

/** The departments open to new tickets. */
export const listDepartments = async (db: Db, locale: AppLocale) =>
  (await db.department.findMany({ where: { archivedAt: null }, orderBy: { id: "asc" }, select: departmentSelect })).map((d) =>
    localizeDepartment(d, locale),
  );

/** Admins work every department; agents the ones they belong to. */
export const departmentsOf = async (db: Db, user: Principal, locale: AppLocale) =>
  (
    await db.department.findMany({
      where: user.role === "admin" ? { archivedAt: null } : { id: { in: user.departmentIds }, archivedAt: null },
      orderBy: { id: "asc" },
      select: departmentSelect,
    })
  ).map((d) => localizeDepartment(d, locale));

/** The fields to select for a department or category named in the reader's language. */
export const namedSelect = { id: true, name: true, nameTranslations: true } as const;
