// Single-use tokens sent by email (activation, password reset, invitation). Only their sha256 is
// stored. A token acts on the account as it was when the token was issued: whatever changes the
// password (a reset, a change from the profile, an invitation taking over a never-confirmed
// account) revokes every link still open in the same transaction, so an old activation link can
// never activate a password set after it, and an old reset link cannot undo a newer password.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import type { TokenPurpose } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  activation: 7 * 86_400_000,
  password_reset: 60 * 60_000,
};

/** An invitation's link (a password_reset token) lets the invitee choose a first password for a week. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token: the value for the link and the sha256 stored. */
export function newEmailToken(): { value: string; hash: string } {
  const value = randomBytes(32).toString("base64url");
  return { value, hash: hash(value) };
}

/** `ttlMs` overrides the purpose's validity (an invitation chooses its first password for a week).
 * `db` may be a transaction. `token`: one made beforehand with newEmailToken. */
export async function issueEmailToken(
  db: Tx,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
  ttlMs = TOKEN_TTL_MS[purpose],
  token = newEmailToken(),
): Promise<string> {
  await db.emailToken.create({
    data: { tokenHash: token.hash, userId, purpose, expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return token.value;
}

/** The user the token was issued for, or throws `invalidLink` unless it could be used now; changes
 * nothing. Lets a use-case refuse a dead link before expensive work (hashing the new password), then
 * consume it in its transaction. */
export async function emailTokenOwner(db: Tx, token: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const usable = await db.emailToken.findFirst({
    where: { tokenHash: hash(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  if (!usable) throw new AppError("invalid_input", "invalidLink");
  return usable.userId;
}

/** Marks the token used and returns its user, or throws `invalidLink` (unknown, used, revoked or
 * expired). Run it in the transaction of the change the token authorizes, so that a failed change
 * leaves the link usable and two concurrent uses cannot both succeed. */
export async function consumeEmailToken(db: Tx, token: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const claimed = await db.emailToken.updateMany({
    where: { tokenHash: hash(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("invalid_input", "invalidLink");
  const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash: hash(token) } });
  return row.userId;
}

/** Every link of this user still open (of the given purposes, or all) stops working: they were
 * issued for the account as it was before a change to its password. */
export async function revokeEmailTokens(db: Tx, userId: string, now: Date, purposes?: TokenPurpose[]): Promise<void> {
  await db.emailToken.updateMany({
    where: { userId, usedAt: null, ...(purposes ? { purpose: { in: purposes } } : {}) },
    data: { usedAt: now },
  });
}
