// Admins grant and withdraw permissions (e.g. can_access_ticketing) per user.
import type { Db } from "../db";
import type { Permission } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

export const listUsers = (db: Db) =>
  db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, permissions: { select: { permission: true } } },
  });

export async function setPermission(db: Db, userId: string, permission: Permission, granted: boolean): Promise<void> {
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("not_found", "userUnknown");
  if (granted) {
    await db.userPermission.upsert({ where: { userId_permission: { userId, permission } }, create: { userId, permission }, update: {} });
  } else {
    await db.userPermission.deleteMany({ where: { userId, permission } });
  }
}
