// Personal access tokens (Perfil → Tokens de acceso): a name, read or read-write, an optional
// expiry. The token is shown once, at creation; only its sha256 is kept. Revoking takes effect on
// the next request. Any signed-in person may make them, Google-only accounts too.
import type { Principal } from "../access/principal";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { hashOf, newSecret } from "./secret-token";

export type TokenScope = "read" | "read_write";

export async function createPersonalToken(
  db: Db,
  owner: Principal,
  input: { name: string; scope: TokenScope; expiresAt: Date | null },
  now: Date,
): Promise<{ id: string; token: string }> {
  if (input.expiresAt && input.expiresAt <= now) throw new AppError("invalid_input", "tokenExpiryPast");
  const token = newSecret("mesa_pat_");
  const row = await db.apiToken.create({
    data: { userId: owner.id, name: input.name, scope: input.scope, expiresAt: input.expiresAt, tokenHash: hashOf(token), createdAt: now },
    select: { id: true },
  });
  return { id: row.id, token };
}

export const listPersonalTokens = (db: Db, owner: Principal) =>
  db.apiToken.findMany({
    where: { userId: owner.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });

export async function revokePersonalToken(db: Db, owner: Principal, id: string, now: Date): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id, userId: owner.id, revokedAt: null }, data: { revokedAt: now } });
  if (!count && !(await db.apiToken.findFirst({ where: { id, userId: owner.id }, select: { id: true } })))
    throw new AppError("not_found", "tokenNotFound");
}
