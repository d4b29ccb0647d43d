// "Forgot password": a link by email, then a new password that signs every browser out. The same
// link (an invitation's, or the one sent when someone registers an address whose account waits
// for its confirmation) chooses the first password of an account that was never activated.
import type { Db } from "../db";
import { admitMailRequester, admitMailTo, type MailRequester } from "../auth/mail-limits";
import { hashPassword } from "../auth/password";
import { clearAccountFailures } from "../auth/throttle";
import { queueAccountMail } from "../email/account-mail";
import { kickOutbox } from "../notifications/outbox";
import { disconnectSessions } from "../realtime/emit";
import { consumeEmailToken, emailTokenOwner, issueEmailToken, newEmailToken, revokeEmailTokens } from "./email-tokens";
import { assertPasswordAllowed } from "./password-policy";

/** Always answers the same, so the form does not reveal which emails have accounts: not in what it
 * says, and not in how long it takes. The mail is queued (the outbox sends it), never awaited; known
 * and unknown addresses take the same steps (the requester's and the recipient's counters, the
 * lookup, a new token, in one transaction) up to the two inserts only a real account gets. Over the requester's limit
 * the request is refused; over the recipient's it answers as usual and sends nothing. */
export async function requestPasswordReset(db: Db, email: string, now: Date, requester: MailRequester = {}): Promise<void> {
  await admitMailRequester(db, requester, now);
  const queued = await db.$transaction(async (tx) => {
    const mayMail = await admitMailTo(tx, email, now);
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, locale: true, activatedAt: true, passwordHash: true },
    });
    const token = newEmailToken();
    // A registration never confirmed waits for its activation link; an account that never had a
    // password (made for someone who wrote in by mail, an authorized contact) gets its first one here.
    const mayReset = !!user && (!!user.activatedAt || !user.passwordHash);
    if (!mayMail || !user || !mayReset) return false;
    await issueEmailToken(tx, user.id, "password_reset", now, undefined, token);
    await queueAccountMail(tx, "passwordReset", user, token.value);
    return true;
  });
  if (queued) kickOutbox();
}

export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<void> {
  // A dead link is refused before the (deliberately slow) hashing; the link is consumed below, in
  // the transaction that sets the password.
  const owner = await emailTokenOwner(db, token, "password_reset", now);
  const person = await db.user.findUniqueOrThrow({ where: { id: owner }, select: { email: true, name: true } });
  assertPasswordAllowed(password, person);
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
