// Who an `Authorization: Bearer …` header is: a personal access token (mesa_pat_…, looked up by its
// sha256) or an access JWT from POST /api/token/. Either becomes a principal loaded from the user id
// alone, with source api_token (the scope rides along: the tRPC ladder refuses a read-only token's
// mutations). `tokenKey` is what the rate limiter counts per.
import { loadPrincipal, type Principal } from "../access/principal";
import type { Db } from "../db";
import { verifyAccessToken } from "./access-jwt";
import { hashOf } from "./secret-token";

export type BearerResult =
  { ok: true; principal: Principal; tokenKey: string } | { ok: false; reason: "missing" | "invalid" | "expired" | "revoked" };

const LAST_USE_PRECISION_MS = 60_000;

export async function authenticateBearer(db: Db, authorization: string | null, now: Date): Promise<BearerResult> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return { ok: false, reason: authorization ? "invalid" : "missing" };
  const secret = match[1]!;
  if (secret.length > 4096) return { ok: false, reason: "invalid" };
  if (secret.startsWith("mesa_pat_")) {
    const token = await db.apiToken.findUnique({ where: { tokenHash: hashOf(secret) } });
    if (!token) return { ok: false, reason: "invalid" };
    if (token.revokedAt) return { ok: false, reason: "revoked" };
    if (token.expiresAt && token.expiresAt <= now) return { ok: false, reason: "expired" };
    const principal = await loadPrincipal(db, token.userId, { kind: "api_token", tokenId: token.id, scope: token.scope });
    if (!principal) return { ok: false, reason: "invalid" };
    // The last use, to the minute: a write per minute per token, not per request.
    if (!token.lastUsedAt || +now - +token.lastUsedAt >= LAST_USE_PRECISION_MS)
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    return { ok: true, principal, tokenKey: `pat:${token.id}` };
  }
  const access = await verifyAccessToken(secret, now);
  if (!access.ok) return { ok: false, reason: access.reason };
  const principal = await loadPrincipal(db, access.userId, { kind: "api_token", tokenId: `jwt:${access.jti}`, scope: "read_write" });
  if (!principal) return { ok: false, reason: "invalid" };
  return { ok: true, principal, tokenKey: `user:${access.userId}` };
}
