// Admin > Departments: departments and their categories with their names in every language, their
// agents, and archiving instead of deleting once tickets refer to them (an archived department or
// category takes no new tickets and leaves the pickers; its tickets keep it). Rows nothing refers to
// are deleted.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { allNames, localized, splitNames } from "../i18n/localized";
import { slugify, type Names } from "../i18n/names-field";
import type { AppLocale } from "../i18n/locales";
import { refreshAccessOf } from "../realtime/access";

export interface DepartmentCommand {
  names: Names;
  slug: string;
  sensitiveInfo: boolean;
  takeOnReply: boolean;
  agentIds: string[];
}
export interface CategoryCommand {
  names: Names;
  descriptions: Names;
  slug: string;
}

/** The row's `name` (DEFAULT_LOCALE's, required) and its other languages' names. */
function split(names: Names): { name: string; nameTranslations: Names } {
  const named = splitNames(names);
  if (!named.name) throw new AppError("invalid_input", "nameRequired");
  return named;
}

function descriptionOf(descriptions: Names): { description: string; descriptionTranslations: Names } {
  const { name: description, nameTranslations: descriptionTranslations } = splitNames(descriptions);
  return { description, descriptionTranslations };
}

const slugOf = (slug: string, name: string) => {
  const s = slug || slugify(name);
  if (!s) throw new AppError("invalid_input", "slugRequired");
  return s;
};

export async function listDepartmentsForAdmin(db: Db, locale: AppLocale) {
  const rows = await db.department.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      nameTranslations: true,
      slug: true,
      sensitiveInfo: true,
      takeOnReply: true,
      archivedAt: true,
      _count: { select: { tickets: true } },
      agents: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      intakeAddresses: { select: { address: true }, orderBy: { address: "asc" } },
      categories: {
        orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          nameTranslations: true,
          description: true,
          descriptionTranslations: true,
          slug: true,
          archivedAt: true,
          _count: { select: { tickets: true } },
        },
      },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    name: localized(d.name, d.nameTranslations, locale),
    names: allNames(d.name, d.nameTranslations),
    slug: d.slug,
    sensitiveInfo: d.sensitiveInfo,
    takeOnReply: d.takeOnReply,
    archived: !!d.archivedAt,
    ticketCount: d._count.tickets,
    agents: d.agents.map((a) => a.user),
    intakeAddresses: d.intakeAddresses.map((a) => a.address),
    categories: d.categories.map((c) => ({
      id: c.id,
      name: localized(c.name, c.nameTranslations, locale),
      names: allNames(c.name, c.nameTranslations),
      descriptions: allNames(c.description, c.descriptionTranslations),
      slug: c.slug,
      archived: !!c.archivedAt,
      ticketCount: c._count.tickets,
    })),
  }));
}

/** Support staff who may be a department's agents. */
export const assignableAgents = (db: Db) =>
  db.user.findMany({
    where: { role: { in: ["agent", "admin"] }, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });

async function checkAgents(db: Db, agentIds: string[]): Promise<void> {
  const found = await db.user.count({ where: { id: { in: agentIds }, role: { in: ["agent", "admin"] } } });
  if (found !== new Set(agentIds).size) throw new AppError("invalid_input", "agentUnknown");
}

async function setAgents(db: Db, departmentId: number, agentIds: string[]): Promise<void> {
  const before = await db.agentDepartment.findMany({ where: { departmentId }, select: { userId: true } });
  await db.$transaction([
    db.agentDepartment.deleteMany({ where: { departmentId, userId: { notIn: agentIds } } }),
    db.agentDepartment.createMany({ data: agentIds.map((userId) => ({ userId, departmentId })), skipDuplicates: true }),
  ]);
  // Whoever joined or left hears (or stops hearing) the department's tickets on their open pages.
  const changed = new Set([...before.map((b) => b.userId), ...agentIds]);
  for (const userId of changed) await refreshAccessOf(db, userId);
}

export async function createDepartment(db: Db, command: DepartmentCommand): Promise<{ id: number; name: string }> {
  const { name, nameTranslations } = split(command.names);
  await checkAgents(db, command.agentIds);
  const department = await db.department.create({
    data: {
      name,
      nameTranslations,
      slug: slugOf(command.slug, name),
      sensitiveInfo: command.sensitiveInfo,
      takeOnReply: command.takeOnReply,
    },
    select: { id: true, name: true },
  });
  await setAgents(db, department.id, command.agentIds);
  return department;
}

export async function updateDepartment(db: Db, id: number, command: DepartmentCommand): Promise<{ id: number; name: string }> {
  const { name, nameTranslations } = split(command.names);
  await checkAgents(db, command.agentIds);
  const department = await db.department.update({
    where: { id },
    data: {
      name,
      nameTranslations,
      slug: slugOf(command.slug, name),
      sensitiveInfo: command.sensitiveInfo,
      takeOnReply: command.takeOnReply,
    },
    select: { id: true, name: true },
  });
  await setAgents(db, id, command.agentIds);
  return department;
}

/** Deletes a department no ticket refers to; archives one that has tickets. Says which. */
export async function removeDepartment(db: Db, id: number, now: Date): Promise<{ outcome: "deleted" | "archived" }> {
  const department = await db.department.findUnique({ where: { id }, select: { _count: { select: { tickets: true } } } });
  if (!department) throw new AppError("not_found", "departmentUnknown");
  if (department._count.tickets === 0) {
    await db.department.delete({ where: { id } });
    return { outcome: "deleted" };
  }
  await db.department.update({ where: { id }, data: { archivedAt: now } });
  return { outcome: "archived" };
}

export async function restoreDepartment(db: Db, id: number): Promise<void> {
  await db.department.update({ where: { id }, data: { archivedAt: null } });
}

export async function createCategory(db: Db, departmentId: number, command: CategoryCommand): Promise<{ id: number; name: string }> {
  const { name, nameTranslations } = split(command.names);
  if (!(await db.department.findUnique({ where: { id: departmentId }, select: { id: true } })))
    throw new AppError("not_found", "departmentUnknown");
  return db.category.create({
    data: { departmentId, name, nameTranslations, ...descriptionOf(command.descriptions), slug: slugOf(command.slug, name) },
    select: { id: true, name: true },
  });
}

export async function updateCategory(db: Db, id: number, command: CategoryCommand): Promise<{ id: number; name: string }> {
  const { name, nameTranslations } = split(command.names);
  return db.category.update({
    where: { id },
    data: { name, nameTranslations, ...descriptionOf(command.descriptions), slug: slugOf(command.slug, name) },
    select: { id: true, name: true },
  });
}

/** Deletes a category no ticket refers to; archives one that has tickets. */
export async function removeCategory(db: Db, id: number, now: Date): Promise<{ outcome: "deleted" | "archived" }> {
  const category = await db.category.findUnique({ where: { id }, select: { _count: { select: { tickets: true } } } });
  if (!category) throw new AppError("not_found", "categoryUnknown");
  if (category._count.tickets === 0) {
    await db.category.delete({ where: { id } });
    return { outcome: "deleted" };
  }
  await db.category.update({ where: { id }, data: { archivedAt: now } });
  return { outcome: "archived" };
}

export async function restoreCategory(db: Db, id: number): Promise<void> {
  await db.category.update({ where: { id }, data: { archivedAt: null } });
}
