// POST /api/token/ and /api/token/refresh/: an access JWT (15 min) and a refresh token (30 days,
// kept as its sha256). Each refresh uses the refresh token up and issues the next of its family;
// a used one presented again means it was copied, so the whole family is revoked.
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { signAccessToken } from "./access-jwt";
import { hashOf, newSecret } from "./secret-token";

const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface TokenPair {
  access: string;
  refresh: string;
}

async function issue(db: Db, userId: string, family: string, now: Date): Promise<TokenPair> {
  const refresh = newSecret("mesa_rt_");
  await db.apiRefreshToken.create({
    data: { tokenHash: hashOf(refresh), userId, family, expiresAt: new Date(+now + REFRESH_TTL_MS), createdAt: now },
  });
  return { access: await signAccessToken(userId, now), refresh };
}

export const issueTokenPair = (db: Db, userId: string, now: Date) => issue(db, userId, randomUUID(), now);

export async function refreshTokenPair(db: Db, refresh: string, now: Date): Promise<TokenPair> {
  const row = await db.apiRefreshToken.findUnique({ where: { tokenHash: hashOf(refresh) } });
  if (!row || row.expiresAt <= now) throw new AppError("unauthenticated", "tokenRefreshInvalid");
  // Using it up is a compare-and-set: of two parallel refreshes with one token, one wins.
  const { count } = await db.apiRefreshToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: now } });
  if (!count) {
    await db.apiRefreshToken.deleteMany({ where: { family: row.family } });
    throw new AppError("unauthenticated", "tokenRefreshInvalid");
  }
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { activatedAt: true } });
  if (!user?.activatedAt) throw new AppError("unauthenticated", "tokenRefreshInvalid");
  return issue(db, row.userId, row.family, now);
}
