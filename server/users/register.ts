// Self-registration of a partner user: the account waits for its email to be confirmed.
//
// Registering an address that already has an account (active, waiting for its confirmation, or
// invited and not accepted yet) never changes that account: not its name, password or language.
// The caller gets exactly the answer a new address gets, and the address's owner gets a mail
// instead (in the owner's language): a notice with a sign-in link for an active account, a link to
// choose the password for one never confirmed, the invitation again for an invited person. So the
// form tells no one whether an address has an account, and no one can set the password of an
// account whose address they do not control.
//
// Each registration counts against its address and against the mails its address may receive
// (server/auth/mail-limits.ts): over the first it is refused, over the second it answers as usual
// and mails nothing more (a new account's activation mail always goes).
import type { Db, Tx } from "../db";
import type { User } from "../db/generated/client";
import type { AppLocale } from "../i18n/locales";
import { admitMailRequester, admitMailTo, type MailRequester } from "../auth/mail-limits";
import { hashPassword } from "../auth/password";
import { queueAccountMail } from "../email/account-mail";
import { kickOutbox } from "../notifications/outbox";
import { consumeEmailToken, INVITATION_TTL_MS, issueEmailToken, revokeEmailTokens } from "./email-tokens";
import { assertPasswordAllowed } from "./password-policy";
import { isUniqueViolation } from "../errors/database-error";

export interface Registration {
  email: string;
  name: string;
  password: string;
  locale: AppLocale;
}

export async function registerUser(db: Db, input: Registration, now: Date, requester: MailRequester = {}): Promise<void> {
  await admitMailRequester(db, requester, now);
  assertPasswordAllowed(input.password, input);
  // Hashed on every path, so the answer time does not tell a new address from a known one.
  const passwordHash = await hashPassword(input.password);
  try {
    // The recipient's counter is locked first: registrations of one address take their turns.
    await db.$transaction(async (tx) => {
      const mayMail = await admitMailTo(tx, input.email, now);
      const existing = await tx.user.findUnique({ where: { email: input.email } });
      if (existing) return mayMail ? notifyOwner(tx, existing, now) : undefined;
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          permissions: { create: { permission: "can_access_ticketing" } },
        },
      });
      // An address gets an account once, so its activation mail cannot be repeated: it goes even
      // when the address had its share of mail this hour, and counts.
      if (!mayMail) await admitMailTo(tx, input.email, now, { force: true });
      await queueAccountMail(tx, "activation", user, await issueEmailToken(tx, user.id, "activation", now));
    });
  } catch (error) {
    // An invitation created the account a moment ago, and mailed it: this registration changes
    // nothing and answers as it would have.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  kickOutbox();
}

/** Someone registered the address of an existing account: tell its owner, change nothing. */
async function notifyOwner(tx: Tx, user: User, now: Date): Promise<void> {
  if (user.activatedAt) return queueAccountMail(tx, "registrationExisting", user);
  if (!user.passwordHash) {
    // Invited by an organization and not accepted yet: the invitation again, with a fresh link.
    const membership = await tx.membership.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      select: { organization: { select: { name: true } } },
    });
    if (membership) {
      const token = await issueEmailToken(tx, user.id, "password_reset", now, INVITATION_TTL_MS);
      return queueAccountMail(tx, "invitation", { ...user, organization: membership.organization.name }, token);
    }
  }
  // Registered earlier and never confirmed. The owner finishes by choosing the password: a fresh
  // activation link would activate the password of that earlier attempt, which may not be theirs.
  return queueAccountMail(tx, "registrationPending", user, await issueEmailToken(tx, user.id, "password_reset", now));
}

/** Activates the account the link was sent for, with the password set when the link was issued:
 * any later change of the password revoked the link (see email-tokens.ts). */
export async function activateAccount(db: Db, token: string, now: Date): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "activation", now);
    // The other activation links of this account have nothing left to do.
    await revokeEmailTokens(tx, userId, now, ["activation"]);
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { activatedAt: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { activatedAt: current.activatedAt ?? now } });
    return { email: user.email };
  });
}
