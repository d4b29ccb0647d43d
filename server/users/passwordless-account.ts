// Accounts made for people who reached Mesa by mail (a stranger writing to an `anyone` address, an
// organization's authorized contact): no password and not activated, but with ticketing access so
// they can follow their tickets. They choose a password through the reset flow if they ever want
// to sign in, which activates the account.
import type { Db, Tx } from "../db";
import type { AppLocale } from "../i18n/locales";
import { isUniqueViolation } from "../errors/database-error";

export interface PasswordlessPerson {
  email: string;
  name: string;
  locale: AppLocale;
}

/** Creates the account (role partner, no password, not activated, ticketing access); a taken
 * address is the caller's to handle. */
export async function createPasswordlessAccount(db: Db | Tx, person: PasswordlessPerson): Promise<string> {
  const email = person.email.trim().toLowerCase();
  const created = await db.user.create({
    data: {
      email,
      name: person.name.trim().slice(0, 120) || email.split("@")[0]!,
      locale: person.locale,
      permissions: { create: { permission: "can_access_ticketing" } },
    },
    select: { id: true },
  });
  return created.id;
}

/** The user id behind the address, creating the account when there is none (outside a transaction:
 * a concurrent creation is found afterwards). */
export async function findOrCreatePasswordless(db: Db, person: PasswordlessPerson): Promise<string> {
  const email = person.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  try {
    return await createPasswordlessAccount(db, person);
  } catch (error) {
    // Another mail from the same address created it a moment ago.
    if (!isUniqueViolation(error)) throw error;
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  }
}
