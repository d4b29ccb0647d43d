// Admins grant and withdraw permissions (e.g. can_access_ticketing) per user.
import type { Db } from "../db";
import type { Permission } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { namedSelect } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";

export const listUsers = (db: Db) =>
  db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, permissions: { select: { permission: true } } },
  });

/** Support staff with their departments (named in the reader's language, in its alphabetical order)
 * and whether they may see sensitive information (admins always may). */
export async function listStaff(db: Db, locale: AppLocale) {
  const staff = await db.user.findMany({
    where: { role: { in: ["agent", "admin"] } },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      permissions: { select: { permission: true } },
      departments: { select: { department: { select: namedSelect } } },
    },
  });
  return staff.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    departments: u.departments
      .map(({ department: d }) => localized(d.name, d.nameTranslations, locale))
      .sort((a, b) => a.localeCompare(b, locale)),
    viewSensitive: u.role === "admin" || u.permissions.some((p) => p.permission === "view_sensitive"),
  }));
}

export async function setPermission(db: Db, userId: string, permission: Permission, granted: boolean): Promise<void> {
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("not_found", "userUnknown");
  if (granted) {
    await db.userPermission.upsert({ where: { userId_permission: { userId, permission } }, create: { userId, permission }, update: {} });
  } else {
    await db.userPermission.deleteMany({ where: { userId, permission } });
  }
}
