// The two ways in: email + password (throttled), and Google (linked to an existing account by its
// verified email, or creating one).
import { checkCaptcha } from "../captcha/captcha";
import { captchaSettings, type CaptchaSettings } from "../captcha/settings";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { isLocale, type AppLocale } from "../i18n/locales";
import { revokeEmailTokens } from "../users/email-tokens";
import { decoyHash, verifyPassword } from "./password";
import { admitSignIn, passwordAccepted } from "./throttle";

/** Longer input cannot belong to an account (emails are at most 254 characters, passwords at most
 * 200): refused before any work, so a huge body costs nothing. */
const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;

/** `captcha`: the sign-in form's CAPTCHA payload, sent once the form was asked for it. */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip?: string; captcha?: string },
  now: Date,
  captcha: CaptchaSettings = captchaSettings(),
): Promise<{ id: string; email: string; name: string }> {
  const email = input.email.trim().toLowerCase();
  if (email.length > MAX_EMAIL || input.password.length > MAX_PASSWORD) throw new AppError("unauthenticated", "wrongCredentials");
  // The attempt is counted before the password is checked, so parallel attempts cannot outrun the
  // limits (server/auth/throttle.ts).
  let gate = await admitSignIn(db, email, input.ip, now);
  // An account guessed from many addresses asks for a solved CAPTCHA: the form then shows the
  // widget and sends its solution with the next attempt, which passes the account's delay (and is
  // counted). With CAPTCHA=off the attempt is refused and the person waits a short, capped delay.
  if (gate.kind === "needs_challenge" && captcha.enabled) {
    if (!input.captcha) throw new AppError("rate_limited", "signInCaptchaRequired");
    await checkCaptcha(db, input.captcha, now, captcha);
    gate = await admitSignIn(db, email, input.ip, now, { challengeSolved: true });
  }
  if (gate.kind === "needs_challenge") throw new AppError("rate_limited", "accountSignInsSlowed");
  if (gate.kind === "refused") throw new AppError("rate_limited", "tooManyAttempts");
  const user = await db.user.findUnique({ where: { email } });
  const hash = user?.passwordHash;
  // Without a hash (unknown email, Google-only account) verify against the decoy so the timing is
  // the same, but never accept it: the decoy's password is in this source.
  const ok = (await verifyPassword(hash ?? (await decoyHash()), input.password)) && !!hash;
  // A wrong password keeps its reservation: it was a failure.
  if (!user || !ok) throw new AppError("unauthenticated", "wrongCredentials");
  await passwordAccepted(db, gate.reservation);
  if (user.deactivatedAt) throw new AppError("forbidden", "accountDeactivated");
  if (!user.activatedAt) throw new AppError("forbidden", "notActivated");
  return { id: user.id, email: user.email, name: user.name };
}

export interface GoogleProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  locale?: string;
}

/** Returns the Mesa user for a Google identity, linking or creating it; null when refused. */
export async function signInWithGoogle(
  db: Db,
  profile: GoogleProfile,
  options: { staffDomains: string[]; fallbackLocale: AppLocale },
  now: Date,
): Promise<string | null> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: "google", providerAccountId: profile.sub } },
  });
  if (linked) {
    const owner = await db.user.findUnique({ where: { id: linked.userId }, select: { deactivatedAt: true } });
    return owner?.deactivatedAt ? null : linked.userId;
  }
  const email = profile.email?.trim().toLowerCase();
  // Only a verified address may take over an existing account with the same email.
  if (!email || profile.email_verified !== true) return null;
  const existing = await db.user.findUnique({ where: { email } });
  if (existing?.deactivatedAt) return null;
  if (existing) {
    const link = { accounts: { create: { provider: "google", providerAccountId: profile.sub } } };
    await db.$transaction(async (tx) => {
      const current = await tx.user.findUniqueOrThrow({ where: { id: existing.id }, select: { activatedAt: true, name: true } });
      if (current.activatedAt) return tx.user.update({ where: { id: existing.id }, data: link });
      // Never activated: whoever registered the address may not own it (a pre-registration). Google
      // has just proved who does, so nothing the registrant chose survives: the password goes, every
      // link sent for the account stops working (an activation or choose-the-password link), and the
      // name becomes the owner's. The owner can set a password later with "forgot password".
      await revokeEmailTokens(tx, existing.id, now);
      await tx.session.deleteMany({ where: { userId: existing.id } });
      return tx.user.update({
        where: { id: existing.id },
        data: { ...link, passwordHash: null, name: profile.name?.trim() || current.name, activatedAt: now },
      });
    });
    return existing.id;
  }
  const domain = email.split("@")[1] ?? "";
  const locale = profile.locale?.slice(0, 2);
  const created = await db.user.create({
    data: {
      email,
      name: profile.name?.trim() || email,
      role: options.staffDomains.includes(domain) ? "agent" : "partner",
      locale: isLocale(locale) ? locale : options.fallbackLocale,
      activatedAt: now,
      accounts: { create: { provider: "google", providerAccountId: profile.sub } },
      permissions: { create: { permission: "can_access_ticketing" } },
    },
  });
  return created.id;
}
