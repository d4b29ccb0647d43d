// A person's own profile: what they may read and change about themselves.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { hashPassword, verifyPassword } from "../auth/password";
import { sessionIdOf, type Principal } from "../access/principal";
import { disconnectSessions } from "../realtime/emit";
import { revokeEmailTokens } from "./email-tokens";
import { assertPasswordAllowed } from "./password-policy";

export const profileSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  timeZone: true,
  phone: true,
  role: true,
  emailNotifications: true,
} as const;

export interface ProfileChange {
  name?: string;
  locale?: AppLocale;
  timeZone?: string;
  phone?: string | null;
  /** false: no notification emails about tickets (account emails still go out). */
  emailNotifications?: boolean;
}

export const getProfile = (db: Db, userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: profileSelect });

export const updateProfile = (db: Db, userId: string, change: ProfileChange) =>
  db.user.update({ where: { id: userId }, data: change, select: profileSelect });

/** Checks the current password and the new one's policy; on success every other browser of this person is signed out, and
 * every emailed link still open (a reset requested earlier) stops working. */
export async function changePassword(db: Db, user: Principal, current: string, next: string, now = new Date()): Promise<void> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, email: true, name: true } });
  if (!(await verifyPassword(row.passwordHash, current))) throw new AppError("invalid_input", "wrongCurrentPassword");
  assertPasswordAllowed(next, row);
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id, ...(sessionIdOf(user) ? { id: { not: sessionIdOf(user)! } } : {}) } });
    await revokeEmailTokens(tx, user.id, now);
  });
  await disconnectSessions(user.id, (sid) => sid === sessionIdOf(user));
}
