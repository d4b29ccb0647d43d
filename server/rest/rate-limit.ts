// Per-token request limits of the REST API: a fixed window counted in the shared RateCounter table
// (one atomic upsert, so every node and every parallel request counts the same), answered with the
// X-RateLimit-* headers on every response and Retry-After on a 429.
import type { Db } from "../db";

export interface RateState {
  limit: number;
  remaining: number;
  /** When the window ends (X-RateLimit-Reset, in seconds from now). */
  resetAt: Date;
  exceeded: boolean;
}

export async function countRequest(db: Db, tokenKey: string, now: Date, limit: number, windowSeconds: number): Promise<RateState> {
  const windowMs = windowSeconds * 1000;
  const cutoff = new Date(+now - windowMs);
  const expires = new Date(+now + windowMs);
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateCounter" ("key", "account", "count", "windowStart", "nextAt", "expiresAt")
    VALUES (${`rest:${tokenKey}`}, NULL, 1, ${now}, ${now}, ${expires})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateCounter"."windowStart" <= ${cutoff} THEN 1 ELSE "RateCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateCounter"."windowStart" <= ${cutoff} THEN ${now} ELSE "RateCounter"."windowStart" END,
      "expiresAt" = CASE WHEN "RateCounter"."windowStart" <= ${cutoff} THEN ${expires} ELSE "RateCounter"."expiresAt" END
    RETURNING "count", "windowStart"`;
  const resetAt = new Date(+row!.windowStart + windowMs);
  return { limit, remaining: Math.max(0, limit - row!.count), resetAt, exceeded: row!.count > limit };
}

export function rateHeaders(state: RateState, now: Date): Record<string, string> {
  const reset = String(Math.max(0, Math.ceil((+state.resetAt - +now) / 1000)));
  return {
    "x-ratelimit-limit": String(state.limit),
    "x-ratelimit-remaining": String(state.remaining),
    "x-ratelimit-reset": reset,
    ...(state.exceeded ? { "retry-after": reset } : {}),
  };
}
