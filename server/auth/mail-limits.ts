// Limits on the requests that send an account mail (forgot password, registration, invitation), so
// nobody can bomb an inbox or keep the server hashing: per requester (the address of an anonymous
// caller, the account of a signed-in inviter) and per recipient. Numbers in throttle-policy.ts.
// Every call counts, including each call of a tRPC batch (the procedure runs once per call).
import type { Db, Tx } from "../db";
import { AppError } from "../errors/app-error";
import { addressKey } from "./address";
import { take, takeIn } from "./counters";
import { mailRules } from "./throttle-policy";

export type MailRequester = { ip?: string } | { userId: string };

/** Counts the request against its requester; throws rate_limited ("tooManyRequests") when that had
 * too many. Without an address (scripts, tests) there is no requester to count. */
export async function admitMailRequester(db: Db, requester: MailRequester, now: Date): Promise<void> {
  const key = "userId" in requester ? `mail-inviter:${requester.userId}` : requester.ip ? `mail-address:${addressKey(requester.ip)}` : null;
  if (!key) return;
  const rule = "userId" in requester ? mailRules.inviter : mailRules.address;
  const result = await take(db, [{ key, rule }], now);
  if (!result.admitted) throw new AppError("rate_limited", "tooManyRequests");
}

/** Counts one mail to `email`; false when the address had its share (send nothing then, and answer
 * as if it was sent). `force`: the mail goes out regardless (a new account's activation) but counts.
 * Called for every request, whether or not the address has an account, so neither the answer nor
 * the work done tells the two apart. Run it in the transaction that queues the mail: the count and
 * the mail then commit together, and a parallel request for the same address waits for both. */
export async function admitMailTo(tx: Tx, email: string, now: Date, options: { force?: boolean } = {}): Promise<boolean> {
  const result = await takeIn(tx, [{ key: `mail-to:${email}`, rule: mailRules.recipient, force: options.force }], now);
  return result.admitted;
}
