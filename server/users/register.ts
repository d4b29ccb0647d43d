// Self-registration of a partner user: the account waits for its email to be confirmed.
//
// Registering an address that already has an account (active, waiting for its confirmation, or
// invited and not accepted yet) never changes that account: not its name, password or language.
// The caller gets exactly the answer a new address gets, and the address's owner gets a mail
// instead (in the owner's language): a notice with a sign-in link for an active account, a link to
// choose the password for one never confirmed, the invitation again for an invited person. So the
// form tells no one whether an address has an account, and no one can set the password of an
// account whose address they do not control.
import type { Db } from "../db";
import type { User } from "../db/generated/client";
import type { AppLocale } from "../i18n/locales";
import { hashPassword } from "../auth/password";
import { sendAccountMail } from "../email/account-mail";
import { consumeEmailToken, INVITATION_TTL_MS, issueEmailToken, revokeEmailTokens } from "./email-tokens";

export interface Registration {
  email: string;
  name: string;
  password: string;
  locale: AppLocale;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

export async function registerUser(db: Db, input: Registration, now: Date): Promise<void> {
  // Hashed on every path, so the answer time does not tell a new address from a known one.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) return notifyOwner(db, existing, now);
  let user: User;
  try {
    user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
        permissions: { create: { permission: "can_access_ticketing" } },
      },
    });
  } catch (error) {
    // A concurrent registration (a double submit) created it a moment ago, and that request mails
    // the activation link: this one changes nothing and answers as it would have.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  const token = await issueEmailToken(db, user.id, "activation", now);
  await sendAccountMail("activation", user, token);
}

/** Someone registered the address of an existing account: tell its owner, change nothing. */
async function notifyOwner(db: Db, user: User, now: Date): Promise<void> {
  if (user.activatedAt) return sendAccountMail("registrationExisting", user);
  if (!user.passwordHash) {
    // Invited by an organization and not accepted yet: the invitation again, with a fresh link.
    const membership = await db.membership.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      select: { organization: { select: { name: true } } },
    });
    if (membership) {
      const token = await issueEmailToken(db, user.id, "password_reset", now, INVITATION_TTL_MS);
      return sendAccountMail("invitation", { ...user, organization: membership.organization.name }, token);
    }
  }
  // Registered earlier and never confirmed. The owner finishes by choosing the password: a fresh
  // activation link would activate the password of that earlier attempt, which may not be theirs.
  const token = await issueEmailToken(db, user.id, "password_reset", now);
  return sendAccountMail("registrationPending", user, token);
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
