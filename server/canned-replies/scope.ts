// Who sees and who manages a canned reply. Personal ones are their owner's alone; a department's
// are shared with its agents (and admins, who work every department), who manage them; everyone's
// are seen by all staff and managed by admins.
import type { Prisma } from "../db/generated/client";
import type { Principal } from "../access/principal";
import type { CannedScope } from "./canned-fields";

type Who = Pick<Principal, "id" | "role" | "departmentIds">;
type Owned = { ownerId: string | null; departmentId: number | null };

/** The canned replies `viewer` may see and insert. */
export function visibleCannedWhere(viewer: Who): Prisma.CannedReplyWhereInput {
  const departments: Prisma.CannedReplyWhereInput =
    viewer.role === "admin"
      ? { ownerId: null, departmentId: { not: null } }
      : { ownerId: null, departmentId: { in: viewer.departmentIds } };
  return { OR: [{ ownerId: viewer.id }, { ownerId: null, departmentId: null }, departments] };
}

export const scopeOf = (row: Owned): CannedScope => (row.ownerId ? "personal" : row.departmentId !== null ? "department" : "everyone");

/** Whether `viewer` may edit or delete it (seeing it is visibleCannedWhere). */
export function mayManage(viewer: Who, row: Owned): boolean {
  if (row.ownerId) return row.ownerId === viewer.id;
  if (row.departmentId !== null) return viewer.role === "admin" || viewer.departmentIds.includes(row.departmentId);
  return viewer.role === "admin";
}
