// "Forgot password": a link by email, then a new password that signs every browser out. The same
// link (an invitation's, or the one sent when someone registers an address whose account waits
// for its confirmation) chooses the first password of an account that was never activated.
import type { Db } from "../db";
import { hashPassword } from "../auth/password";
import { clearAccountFailures } from "../auth/throttle";
import { sendAccountMail } from "../email/account-mail";
import { disconnectSessions } from "../realtime/emit";
import { assertEmailTokenUsable, consumeEmailToken, issueEmailToken, revokeEmailTokens } from "./email-tokens";

/** Always succeeds for the caller, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(db: Db, email: string, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.activatedAt) return;
  const token = await issueEmailToken(db, user.id, "password_reset", now);
  await sendAccountMail("passwordReset", user, token);
}

export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<void> {
  // A dead link is refused before the (deliberately slow) hashing; the link is consumed below, in
  // the transaction that sets the password.
  await assertEmailTokenUsable(db, token, "password_reset", now);
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "password_reset", now);
    await tx.session.deleteMany({ where: { userId } });
    // Every other link still open was issued for the account before this password: none of them
    // may act on it now (an activation link, an older reset or invitation link).
    await revokeEmailTokens(tx, userId, now);
    // Using the link proves the address, so an invited person (or a registrant who never
    // confirmed) is activated by choosing the password here.
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { activatedAt: true } });
    return tx.user.update({ where: { id: userId }, data: { passwordHash, activatedAt: current.activatedAt ?? now } });
  });
  await clearAccountFailures(db, user.email);
  await disconnectSessions(user.id);
}
