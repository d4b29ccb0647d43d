// Sign-in throttling, as the security review found it and as it now holds:
// 1. "The lock is checked before the password and the failure recorded after it, so 40 parallel
//    attempts got 24 password checks against a limit of 5; the per-address counter uses the exact
//    address, so another address of the same /64 (IPv6) or another loopback address starts fresh."
// 2. "Anyone can lock anyone out: five wrong passwords from anywhere lock the account for 15
//    minutes, renewable forever, even for the owner with the right password from another address."
// Real PGlite, the sign-in exactly as next-auth's credentials provider runs it. A password check is
// what answers "wrongCredentials" (a refusal without one answers "tooManyAttempts" or
// "accountSignInsSlowed"), and the throttle's counter rows say how many checks were let through.
import { describe, expect, it } from "vitest";
import { addressKey } from "../../server/auth/address";
import { signInWithPassword } from "../../server/auth/sign-in";
import { signInRules } from "../../server/auth/throttle-policy";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { PASSWORD, makeUser } from "../support/factories";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

let net = 0;
/** Addresses of a network of their own per test (TEST-NET-2 / documentation IPv6 prefix). */
const ipv4 = (host: number) => `198.51.${100 + (net % 50)}.${host}`;
const ipv6 = (host: number) => `2001:db8:${net.toString(16)}:1::${host.toString(16)}`;
const newNetwork = () => void net++;

/** The messageKey of each refusal, in order; a success is reported as "signed-in". */
async function attempts(calls: { email: string; password: string; ip?: string }[], now: Date): Promise<string[]> {
  const results = await Promise.allSettled(calls.map((call) => signInWithPassword(db, call, now)));
  return results.map((r) => {
    if (r.status === "fulfilled") return "signed-in";
    expect(r.reason).toBeInstanceOf(AppError);
    return (r.reason as AppError).messageKey;
  });
}

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

const counter = (key: string) => db.rateCounter.findUnique({ where: { key } }).then((row) => row?.count ?? 0);

describe("finding 1: forty wrong passwords sent at once", () => {
  it("from one address: exactly 5 password checks, and all 40 are refused", async () => {
    newNetwork();
    const user = await makeUser(db, { label: "parallel" });
    const ip = ipv4(23);
    const now = new Date();
    const keys = await attempts(
      Array.from({ length: 40 }, (_, i) => ({ email: user.email, password: `guess number ${i}`, ip })),
      now,
    );
    expect(tally(keys)).toEqual({ wrongCredentials: 5, tooManyAttempts: 35 });
    // The reservations taken before each check: as many as the checks, no more.
    expect(await counter(`signin-source:${addressKey(ip)} ${user.email}`)).toBe(signInRules.source.free);
    expect(await counter(`signin-address:${addressKey(ip)}`)).toBe(5);
    // Even the right password waits now from that address.
    expect(await attempts([{ email: user.email, password: PASSWORD, ip }], now)).toEqual(["tooManyAttempts"]);
  });

  it("from 40 addresses of one IPv6 /64: they are one address, still 5 checks", async () => {
    newNetwork();
    const user = await makeUser(db, { label: "slash64" });
    const keys = await attempts(
      Array.from({ length: 40 }, (_, i) => ({ email: user.email, password: `guess number ${i}`, ip: ipv6(i + 1) })),
      new Date(),
    );
    expect(tally(keys)).toEqual({ wrongCredentials: 5, tooManyAttempts: 35 });
  });

  it("from 40 loopback addresses (127.0.0.0/8 and ::1): one machine, still 5 checks", async () => {
    const user = await makeUser(db, { label: "loopback" });
    const loopbacks = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0 ? "::1" : i % 4 === 1 ? "::ffff:127.0.0.1" : `127.0.${i}.${i + 1}`,
    );
    const keys = await attempts(
      loopbacks.map((ip, i) => ({ email: user.email, password: `guess number ${i}`, ip })),
      new Date(),
    );
    expect(tally(keys)).toEqual({ wrongCredentials: 5, tooManyAttempts: 35 });
  });

  it("from 40 unrelated addresses: the account-wide limit holds (10 checks), the rest are asked to slow down", async () => {
    const user = await makeUser(db, { label: "botnet" });
    const keys = await attempts(
      Array.from({ length: 40 }, (_, i) => {
        newNetwork();
        return { email: user.email, password: `guess number ${i}`, ip: i % 2 ? ipv4(7) : ipv6(7) };
      }),
      new Date(),
    );
    expect(tally(keys)).toEqual({ wrongCredentials: signInRules.account.free, accountSignInsSlowed: 30 });
    expect(await counter(`signin-account:${user.email}`)).toBe(signInRules.account.free);
  });

  it("an address guessing many accounts at once gets 20 checks in all", async () => {
    newNetwork();
    const ip = ipv4(99);
    const victims = await Promise.all(Array.from({ length: 8 }, (_, i) => makeUser(db, { label: `spray-${i}` })));
    const keys = await attempts(
      Array.from({ length: 40 }, (_, i) => ({ email: victims[i % 8]!.email, password: `guess number ${i}`, ip })),
      new Date(),
    );
    expect(tally(keys)).toEqual({ wrongCredentials: signInRules.address.limit, tooManyAttempts: 20 });
  });
});

describe("finding 2: nobody can lock the owner out", () => {
  it("20 wrong attempts from address A; the owner signs in from address B at once", async () => {
    const owner = await makeUser(db, { label: "owner" });
    newNetwork();
    const attacker = ipv4(66);
    const now = new Date("2030-07-01T10:00:00Z");
    const refused: string[] = [];
    for (let i = 0; i < 20; i++) refused.push(...(await attempts([{ email: owner.email, password: `not it ${i}`, ip: attacker }], now)));
    expect(tally(refused)).toEqual({ wrongCredentials: 5, tooManyAttempts: 15 });

    newNetwork();
    expect((await signInWithPassword(db, { email: owner.email, password: PASSWORD, ip: ipv6(1) }, now)).id).toBe(owner.id);
    // The attacker's address is still slowed down at this account (the owner's success does not
    // reopen it for guessing: it waits for its own delay).
    expect(await attempts([{ email: owner.email, password: "not it again", ip: attacker }], now)).toEqual(["tooManyAttempts"]);
  });

  it("a guesser with many addresses only slows the account down for a bounded time, then the owner gets in", async () => {
    const owner = await makeUser(db, { label: "owner-many" });
    const now = new Date("2030-07-02T10:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    // 20 wrong attempts from 4 addresses (5 each, the most one address gets at once).
    const keys: string[] = [];
    for (let a = 0; a < 4; a++) {
      newNetwork();
      for (let i = 0; i < 5; i++)
        keys.push(...(await attempts([{ email: owner.email, password: `not it ${a}-${i}`, ip: ipv4(a + 1) }], now)));
    }
    expect(tally(keys)).toEqual({ wrongCredentials: 10, accountSignInsSlowed: 10 });

    // The account is under pressure: everyone waits (the seam where a CAPTCHA will let a person
    // through), but only for a short, capped delay, never a lock.
    newNetwork();
    const home = ipv4(200);
    expect(await attempts([{ email: owner.email, password: PASSWORD, ip: home }], at(1_000))).toEqual(["accountSignInsSlowed"]);
    expect((await signInWithPassword(db, { email: owner.email, password: PASSWORD, ip: home }, at(signInRules.account.capMs))).id).toBe(
      owner.id,
    );

    // The owner's success forgot the account's failures: a new address starts with its 5 tries
    // again, and the account is not left slowed down.
    newNetwork();
    expect(await attempts([{ email: owner.email, password: "not it either", ip: ipv4(9) }], at(signInRules.account.capMs))).toEqual([
      "wrongCredentials",
    ]);
  });

  it("the right password gives the address its attempt back: a busy office behind one address is not throttled", async () => {
    newNetwork();
    const office = ipv4(1);
    const colleagues = await Promise.all(Array.from({ length: 25 }, (_, i) => makeUser(db, { label: `office-${i}` })));
    const now = new Date();
    for (const c of colleagues)
      expect((await signInWithPassword(db, { email: c.email, password: PASSWORD, ip: office }, now)).id).toBe(c.id);
    expect(await counter(`signin-address:${addressKey(office)}`)).toBe(0);
  });
});
