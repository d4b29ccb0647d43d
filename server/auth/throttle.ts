// Password sign-in throttling, shared by every node through the database. An attempt is *reserved*
// before its password is checked: counted on its address, on the account from that address, and on
// the account, atomically (see counters.ts). So forty attempts sent at once get exactly as many
// password checks as the rules allow, and the rest are refused without one. A failed check keeps
// its reservation (it was a failure); a right password gives the address its attempt back and
// forgets the account's failures.
//
// Who waits: an address that guesses (at any account) or guesses one account is refused
// ("tooManyAttempts"), the account's owner elsewhere is not. Only when one account is guessed from
// many addresses does everyone trying it wait a short, capped delay: the throttle then answers
// "needs_challenge", and a solved CAPTCHA (ALTCHA, server/captcha) lets a person through at once.
import type { Db } from "../db";
import { addressKey } from "./address";
import { forget, forgetAccountCounters, giveBackOne, take, type Take } from "./counters";
import { signInRules } from "./throttle-policy";

export type SignInGate =
  | { kind: "admitted"; reservation: Reservation }
  /** This address (or this address at this account) made too many attempts. */
  | { kind: "refused"; retryAt: Date }
  /** The account itself is under pressure from many addresses. A solved CAPTCHA lifts this (ask
   * again with `challengeSolved`); without one (or with CAPTCHA=off) the attempt waits for
   * `retryAt` (at most signInRules.account.capMs). */
  | { kind: "needs_challenge"; retryAt: Date };

export interface Reservation {
  addressKey?: string;
  forgetKeys: string[];
}

/** Without an address (scripts, tests) the caller is one source of its own and no address limit applies. */
function takesFor(email: string, ip: string | undefined, challengeSolved: boolean) {
  const address = ip ? addressKey(ip) : undefined;
  const source = address ?? "no-address";
  const takes: (Take & { kind: "address" | "source" | "account" })[] = [
    ...(address ? [{ kind: "address" as const, key: `signin-address:${address}`, rule: signInRules.address }] : []),
    { kind: "source", key: `signin-source:${source} ${email}`, rule: signInRules.source, account: email },
    // A person who solved the CAPTCHA passes the account's delay (the attempt still counts); the
    // address's and the source's limits hold as ever.
    { kind: "account", key: `signin-account:${email}`, rule: signInRules.account, account: email, force: challengeSolved },
  ];
  return takes;
}

/** Reserves one password check for `email` from `ip`, or says why not. `email` is normalised.
 * `challengeSolved`: the caller checked a CAPTCHA solution for this attempt (after "needs_challenge"). */
export async function admitSignIn(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
  options: { challengeSolved?: boolean } = {},
): Promise<SignInGate> {
  const takes = takesFor(email, ip, options.challengeSolved ?? false);
  const result = await take(db, takes, now);
  if (!result.admitted) {
    const kind = takes.find((t) => t.key === result.refused.key)!.kind;
    return kind === "account" ? { kind: "needs_challenge", retryAt: result.retryAt } : { kind: "refused", retryAt: result.retryAt };
  }
  const address = takes.find((t) => t.kind === "address");
  return {
    kind: "admitted",
    reservation: { addressKey: address?.key, forgetKeys: takes.filter((t) => t.kind !== "address").map((t) => t.key) },
  };
}

/** The password was right: the attempt was no failure. The account's failures from this source and
 * in total are forgotten; the address gets its attempt back (not its other failures: one good
 * password must not reopen an address that is guessing other accounts). */
export async function passwordAccepted(db: Db, reservation: Reservation): Promise<void> {
  await forget(db, reservation.forgetKeys);
  if (reservation.addressKey) await giveBackOne(db, reservation.addressKey, signInRules.address);
}

/** A password reset (proof of the address) forgets the account's sign-in failures, from everywhere. */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await forgetAccountCounters(db, email);
}
