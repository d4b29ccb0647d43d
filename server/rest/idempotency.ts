// Idempotency-Key on REST POSTs (as Stripe and the IETF draft define it): the first request with a
// key runs and its answer is kept for 24 h; the same caller sending the same key and the same body
// again gets that answer replayed and nothing is created; another body under the same key is a 422;
// a repeat while the first is still running is a 409. The key is claimed by inserting its row, so
// two parallel requests with one key cannot both run.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../errors/database-error";

const KEEP_MS = 24 * 60 * 60 * 1000;

export type Claim =
  { kind: "fresh"; key: string } | { kind: "replay"; status: number; body: unknown } | { kind: "other_body" } | { kind: "in_progress" };

export const requestHash = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");

export async function claimKey(db: Db, callerKey: string, idempotencyKey: string, hash: string, now: Date): Promise<Claim> {
  const key = `${callerKey}:${idempotencyKey}`;
  // Keys older than a day are forgotten (every caller's: an indexed delete of what expired).
  await db.idempotentRequest.deleteMany({ where: { createdAt: { lt: new Date(+now - KEEP_MS) } } });
  try {
    await db.idempotentRequest.create({ data: { key, requestHash: hash, createdAt: now } });
    return { kind: "fresh", key };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await db.idempotentRequest.findUnique({ where: { key } });
  if (!row) return claimKey(db, callerKey, idempotencyKey, hash, now);
  if (row.requestHash !== hash) return { kind: "other_body" };
  if (row.status === null) return { kind: "in_progress" };
  return { kind: "replay", status: row.status, body: row.body };
}

/** Keeps a success for replay; a failure frees the key, so the client may retry with it. */
export async function settleKey(db: Db, key: string, status: number, body: unknown): Promise<void> {
  if (status >= 200 && status < 300)
    await db.idempotentRequest.update({ where: { key }, data: { status, body: body as Prisma.InputJsonValue } });
  else await db.idempotentRequest.delete({ where: { key } }).catch(() => {});
}
