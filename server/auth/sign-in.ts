// The two ways in: email + password (throttled), and Google (linked to an existing account by its
// verified email, or creating one).
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { isLocale, type AppLocale } from "../i18n/locales";
import { decoyHash, verifyPassword } from "./password";
import { clearAccountFailures, isThrottled, recordFailedSignIn } from "./throttle";

export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip?: string },
  now: Date,
): Promise<{ id: string; email: string; name: string }> {
  const email = input.email.trim().toLowerCase();
  if (await isThrottled(db, email, input.ip, now)) throw new AppError("rate_limited", "tooManyAttempts");
  const user = await db.user.findUnique({ where: { email } });
  const hash = user?.passwordHash;
  // Without a hash (unknown email, Google-only account) verify against the decoy so the timing is
  // the same, but never accept it: the decoy's password is in this source.
  const ok = (await verifyPassword(hash ?? (await decoyHash()), input.password)) && !!hash;
  if (!user || !ok) {
    await recordFailedSignIn(db, email, input.ip, now);
    throw new AppError("unauthenticated", "wrongCredentials");
  }
  if (!user.activatedAt) throw new AppError("forbidden", "notActivated");
  await clearAccountFailures(db, email);
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
  if (linked) return linked.userId;
  const email = profile.email?.trim().toLowerCase();
  // Only a verified address may take over an existing account with the same email.
  if (!email || profile.email_verified !== true) return null;
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    await db.user.update({
      where: { id: existing.id },
      data: { accounts: { create: { provider: "google", providerAccountId: profile.sub } }, activatedAt: existing.activatedAt ?? now },
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
