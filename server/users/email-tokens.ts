// Single-use tokens sent by email (activation, password reset). Only their sha256 is stored.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { TokenPurpose } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  activation: 7 * 86_400_000,
  password_reset: 60 * 60_000,
};

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** `ttlMs` overrides the purpose's validity (an invitation chooses its first password for a week). */
export async function issueEmailToken(db: Db, userId: string, purpose: TokenPurpose, now: Date, ttlMs = TOKEN_TTL_MS[purpose]): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.emailToken.create({
    data: { tokenHash: hash(token), userId, purpose, expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return token;
}

/** Marks the token used and returns its user, or throws `invalidLink` (unknown, used or expired). */
export async function consumeEmailToken(db: Db, token: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const claimed = await db.emailToken.updateMany({
    where: { tokenHash: hash(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("invalid_input", "invalidLink");
  const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash: hash(token) } });
  return row.userId;
}
