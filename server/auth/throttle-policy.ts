// Every limit on unauthenticated (and mail-sending) requests, in one place, and the pure rule that
// applies them. The database side (server/auth/counters.ts) only locks the counters' rows and stores
// what `admit` decides, so the numbers below hold on every node and under any concurrency.
//
// Two kinds of rule:
// - "window": at most `limit` attempts per fixed window that starts with the first one.
// - "backoff": `free` attempts at once, then each further one waits an exponentially growing delay
//   (base, 2·base, 4·base … capped), all forgotten `windowMs` after the first. A delay instead of a
//   lock: nobody can shut an account for long, and a slow, patient guesser gets very few tries.

export type Rule =
  { kind: "window"; limit: number; windowMs: number } | { kind: "backoff"; free: number; baseMs: number; capMs: number; windowMs: number };

export interface CounterState {
  count: number;
  windowStart: Date;
  /** No attempt is admitted before then. */
  nextAt: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Password sign-ins. An attempt is counted before its password is checked (and given back when the
 * password was right), so parallel attempts cannot get more checks than these numbers. */
export const signInRules = {
  /** From one address (IPv6 /64, see address.ts) across all accounts: spraying and stuffing. */
  address: { kind: "window", limit: 20, windowMs: 15 * MINUTE },
  /** One account from one address: 5 tries, then 30 s, 1 min, 2 min … at most 15 min apart. Only the
   * guessing address waits; the owner elsewhere is not affected. */
  source: { kind: "backoff", free: 5, baseMs: 30_000, capMs: 15 * MINUTE, windowMs: 24 * HOUR },
  /** One account from everywhere (a guesser with many addresses): 10 tries, then 15 s, 30 s … at most
   * 10 min apart. This pressure answers "needs_challenge": solving the CAPTCHA lets a person through
   * at once; with CAPTCHA=off it is a short, bounded wait for everyone. */
  account: { kind: "backoff", free: 10, baseMs: 15_000, capMs: 10 * MINUTE, windowMs: 24 * HOUR },
} as const satisfies Record<string, Rule>;

/** Requests that send an account mail (forgot password, registration, invitation). */
export const mailRules = {
  /** Anonymous requests from one address (each call of a tRPC batch counts): over it, the caller is
   * told to try again later. */
  address: { kind: "window", limit: 20, windowMs: 10 * MINUTE },
  /** Invitations sent by one signed-in person. */
  inviter: { kind: "window", limit: 50, windowMs: HOUR },
  /** Mails to one address: over it, the request answers as usual and sends nothing, so the limit
   * tells no one whether the address has an account. The activation mail of a new account is sent
   * regardless (an address gets an account once) but counts. */
  recipient: { kind: "window", limit: 3, windowMs: HOUR },
} as const satisfies Record<string, Rule>;

export type Admission = { admitted: true; next: CounterState; expiresAt: Date } | { admitted: false; retryAt: Date };

const windowEnd = (state: CounterState, rule: Rule) => new Date(state.windowStart.getTime() + rule.windowMs);

/** Whether one more attempt is admitted now, and the counter after it. `force`: count it whatever
 * the state (a mail that is sent regardless). */
export function admit(state: CounterState | null, rule: Rule, now: Date, force = false): Admission {
  const fresh = !state || (now >= windowEnd(state, rule) && now >= state.nextAt);
  const current: CounterState = fresh ? { count: 0, windowStart: now, nextAt: now } : state;
  if (!force && now < current.nextAt) return { admitted: false, retryAt: current.nextAt };
  if (!force && rule.kind === "window" && current.count >= rule.limit) return { admitted: false, retryAt: windowEnd(current, rule) };
  const count = current.count + 1;
  const nextAt = new Date(Math.max(current.nextAt.getTime(), delayedUntil(count, current, rule, now).getTime()));
  const next = { count, windowStart: current.windowStart, nextAt };
  return { admitted: true, next, expiresAt: new Date(Math.max(windowEnd(next, rule).getTime(), nextAt.getTime())) };
}

/** When the attempt after the `count`-th may come. */
function delayedUntil(count: number, state: CounterState, rule: Rule, now: Date): Date {
  if (rule.kind === "window") return count >= rule.limit ? windowEnd(state, rule) : now;
  if (count < rule.free) return now;
  return new Date(now.getTime() + Math.min(rule.baseMs * 2 ** (count - rule.free), rule.capMs));
}

/** The counter with one admitted attempt given back (a sign-in whose password was right must not
 * count against its address). Only for "window" rules; backoff counters are forgotten instead. */
export function giveBack(state: CounterState, rule: Extract<Rule, { kind: "window" }>): CounterState {
  const count = Math.max(0, state.count - 1);
  return { count, windowStart: state.windowStart, nextAt: count >= rule.limit ? state.nextAt : state.windowStart };
}
