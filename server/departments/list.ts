// Departments with their categories; an agent's own departments.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { Principal } from "../access/principal";

const departmentSelect = {
  id: true,
  name: true,
  slug: true,
  sensitiveInfo: true,
  categories: { select: { id: true, name: true, slug: true }, orderBy: { id: "asc" } },
} as const satisfies Prisma.DepartmentSelect;

export const listDepartments = (db: Db) => db.department.findMany({ orderBy: { id: "asc" }, select: departmentSelect });

/** Admins work every department; agents the ones they belong to. */
export const departmentsOf = (db: Db, user: Principal) =>
  db.department.findMany({
    where: user.role === "admin" ? {} : { id: { in: user.departmentIds } },
    orderBy: { id: "asc" },
    select: departmentSelect,
  });
