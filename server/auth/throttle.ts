// Failed sign-ins, counted per account and per IP address in the database so every node agrees.
import type { Db } from "../db";
import { accountPolicy, afterFailure, ipPolicy, isLocked, type ThrottlePolicy } from "./throttle-policy";

const keysFor = (email: string, ip: string | undefined) =>
  [[`account:${email}`, accountPolicy], ...(ip ? [[`ip:${ip}`, ipPolicy]] : [])] as [string, ThrottlePolicy][];

export async function isThrottled(db: Db, email: string, ip: string | undefined, now: Date): Promise<boolean> {
  const keys = keysFor(email, ip).map(([key]) => key);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return rows.some((row) => isLocked(row, now));
}

export async function recordFailedSignIn(db: Db, email: string, ip: string | undefined, now: Date): Promise<void> {
  for (const [key, policy] of keysFor(email, ip)) {
    await db.$transaction(async (tx) => {
      const current = await tx.signInThrottle.findUnique({ where: { key } });
      const next = afterFailure(current, now, policy);
      await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    });
  }
}

/** A successful sign-in forgets the account's failures (not the IP's: one good password must not
 * reopen an address that is guessing others). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `account:${email}` } });
}
