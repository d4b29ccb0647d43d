// Counters in the database, so every node counts the same attempts. `take` admits one attempt on
// several counters at once, or on none: in one transaction it makes sure each row exists and locks
// it (INSERT … ON CONFLICT DO UPDATE … RETURNING, in key order so two requests never wait on each
// other crosswise), decides with the pure rule of throttle-policy.ts, and writes the new counts only
// when every counter admitted. A parallel request for the same key waits on the row lock and then
// sees the count this one wrote: no limit can be overrun by sending many requests at once.
import type { Db, Tx } from "../db";
import { admit, giveBack, type CounterState, type Rule } from "./throttle-policy";

export interface Take {
  key: string;
  rule: Rule;
  /** The account email a sign-in counter belongs to (see forgetAccountCounters). */
  account?: string;
  /** Count it even when the rule would refuse (a mail that goes out regardless). */
  force?: boolean;
}

export type TakeResult = { admitted: true } | { admitted: false; refused: Take; retryAt: Date };

interface Row extends CounterState {
  key: string;
}

async function lockRow(tx: Tx, take: Take, now: Date): Promise<Row> {
  const rows = await tx.$queryRaw<Row[]>`
    INSERT INTO "RateCounter" ("key", "account", "count", "windowStart", "nextAt", "expiresAt")
    VALUES (${take.key}, ${take.account ?? null}, 0, ${now}, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateCounter"."count"
    RETURNING "key", "count", "windowStart", "nextAt"`;
  return rows[0]!;
}

/** Admits one attempt on every counter of `takes`, or on none (the first refusal, in the order given,
 * is reported). */
export async function take(db: Db, takes: Take[], now: Date): Promise<TakeResult> {
  await pruneNowAndThen(db);
  return db.$transaction((tx) => takeIn(tx, takes, now));
}

/** `take` inside the caller's transaction: the counters stay locked until it ends, and its other
 * writes commit (or not) with them. */
export async function takeIn(tx: Tx, takes: Take[], now: Date): Promise<TakeResult> {
  const rows = new Map<string, Row>();
  for (const t of [...takes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) rows.set(t.key, await lockRow(tx, t, now));
  const decisions = takes.map((t) => ({ take: t, decision: admit(fresh(rows.get(t.key)!), t.rule, now, t.force) }));
  for (const { take: t, decision } of decisions) if (!decision.admitted) return { admitted: false, refused: t, retryAt: decision.retryAt };
  for (const { take: t, decision } of decisions) {
    if (!decision.admitted) continue;
    await tx.rateCounter.update({ where: { key: t.key }, data: { ...decision.next, expiresAt: decision.expiresAt } });
  }
  return { admitted: true };
}

/** A row just created by lockRow has count 0: the rule sees "no counter yet". */
const fresh = (row: Row): CounterState | null => (row.count === 0 ? null : row);

/** Gives one admitted attempt back to a "window" counter (under the row's lock, like take). */
export async function giveBackOne(db: Db, key: string, rule: Extract<Rule, { kind: "window" }>): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Row[]
    >`SELECT "key", "count", "windowStart", "nextAt" FROM "RateCounter" WHERE "key" = ${key} FOR UPDATE`;
    const row = rows[0];
    if (!row || row.count === 0) return;
    await tx.rateCounter.update({ where: { key }, data: giveBack(row, rule) });
  });
}

export async function forget(db: Db, keys: string[]): Promise<void> {
  await db.rateCounter.deleteMany({ where: { key: { in: keys } } });
}

/** Every sign-in counter about this account (from any address): a password reset proves the owner. */
export async function forgetAccountCounters(db: Db, account: string): Promise<void> {
  await db.rateCounter.deleteMany({ where: { account } });
}

// Rows whose window and delay are over say nothing any more; drop them now and then.
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE = Symbol.for("mesa.rateCounterPrune");
type PruneState = { [PRUNE]?: number };

/** By the wall clock, not the request's `now` (which tests set freely). */
async function pruneNowAndThen(db: Db): Promise<void> {
  const holder = globalThis as PruneState;
  if ((holder[PRUNE] ?? 0) + PRUNE_EVERY_MS > Date.now()) return;
  holder[PRUNE] = Date.now();
  await db.rateCounter.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 60_000) } } });
}
