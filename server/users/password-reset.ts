// "Forgot password": a link by email, then a new password that signs every browser out.
import type { Db } from "../db";
import { hashPassword } from "../auth/password";
import { clearAccountFailures } from "../auth/throttle";
import { sendAccountMail } from "../email/account-mail";
import { disconnectSessions } from "../realtime/emit";
import { consumeEmailToken, issueEmailToken } from "./email-tokens";

/** Always succeeds for the caller, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(db: Db, email: string, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.activatedAt) return;
  const token = await issueEmailToken(db, user.id, "password_reset", now);
  await sendAccountMail("passwordReset", user, token);
}

export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<void> {
  const userId = await consumeEmailToken(db, token, "password_reset", now);
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
    // An invited person sets their first password through this same link, which also proves the address.
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { activatedAt: true } });
    return tx.user.update({ where: { id: userId }, data: { passwordHash, activatedAt: current.activatedAt ?? now } });
  });
  await clearAccountFailures(db, user.email);
  await disconnectSessions(userId);
}
