// Who works a department's tickets: its agents and every admin. One filter for assigning,
// transferring and listing assignees.
import type { Prisma } from "../db/generated/client";

export const worksDepartmentWhere = (departmentId: number) =>
  ({ OR: [{ role: "admin" }, { role: "agent", departments: { some: { departmentId } } }] }) satisfies Prisma.UserWhereInput;

/** The department's own agents (admins are not mailed about every ticket). */
export const departmentAgentsWhere = (departmentId: number) =>
  ({ role: "agent", departments: { some: { departmentId } } }) satisfies Prisma.UserWhereInput;
