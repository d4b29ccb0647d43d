// Email + password sign-in as next-auth's credentials provider runs it: wrong passwords, the
// throttling after repeated failures (per address, and per account from one address; see
// tests/security/sign-in-throttle.int.test.ts for the rest), and accounts not yet activated.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "../../server/auth/sign-in";
import { hashPassword } from "../../server/auth/password";
import { AppError } from "../../server/errors/app-error";
import type { Db } from "../../server/db";
import { PASSWORD, failure, makeUser, uniqueEmail } from "../support/factories";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

const t0 = new Date("2030-05-01T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
/** An address of its own per test, so address limits of one test never touch another. */
const uniqueIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function refusal(email: string, password: string, ip: string | undefined, now: Date) {
  const error = await failure(signInWithPassword(db, { email, password, ip }, now));
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).messageKey;
}

describe("signInWithPassword", () => {
  it("accepts the right password, whatever the email's case and spaces", async () => {
    const user = await makeUser(db);
    const signed = await signInWithPassword(db, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD }, t0);
    expect(signed).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const user = await makeUser(db);
    expect(await refusal(user.email, "not the password", undefined, t0)).toBe("wrongCredentials");
    expect(await refusal(uniqueEmail("nobody"), PASSWORD, undefined, t0)).toBe("wrongCredentials");
  });

  it("after 5 failures from one address, that address waits a growing delay; the owner elsewhere does not", async () => {
    const user = await makeUser(db);
    const ip = uniqueIp();
    const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
    for (let i = 0; i < 5; i++) expect(await refusal(user.email, `wrong-${i}`, ip, t0)).toBe("wrongCredentials");
    // That address now waits 30 s before its next try at this account, even with the right password.
    expect(await refusal(user.email, PASSWORD, ip, seconds(10))).toBe("tooManyAttempts");
    // The account is not locked: its owner signs in from another address at once.
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, seconds(10))).id).toBe(user.id);
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD, ip }, seconds(30))).id).toBe(user.id);
  });

  it("a successful sign-in forgets the account's earlier failures", async () => {
    const user = await makeUser(db);
    for (let i = 0; i < 4; i++) await refusal(user.email, "wrong", undefined, t0);
    await signInWithPassword(db, { email: user.email, password: PASSWORD }, t0);
    for (let i = 0; i < 4; i++) expect(await refusal(user.email, "wrong", undefined, t0)).toBe("wrongCredentials");
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, t0)).id).toBe(user.id);
  });

  it("locks an address that fails 20 times across different accounts", async () => {
    const ip = uniqueIp();
    const victims = await Promise.all([0, 1, 2, 3, 4].map(() => makeUser(db)));
    // 4 failures per account: no single account reaches its own limit.
    for (const victim of victims) {
      for (let i = 0; i < 4; i++) expect(await refusal(victim.email, "guess", ip, t0)).toBe("wrongCredentials");
    }
    const bystander = await makeUser(db);
    expect(await refusal(bystander.email, PASSWORD, ip, minutes(1))).toBe("tooManyAttempts");
    // The accounts themselves are not locked: their owners sign in from elsewhere.
    expect((await signInWithPassword(db, { email: victims[0]!.email, password: PASSWORD, ip: uniqueIp() }, minutes(1))).id).toBe(
      victims[0]!.id,
    );
    expect((await signInWithPassword(db, { email: bystander.email, password: PASSWORD, ip }, minutes(16))).id).toBe(bystander.id);
  });

  it("refuses an account whose email is not confirmed yet", async () => {
    const email = uniqueEmail("pending");
    await db.user.create({ data: { email, name: "Pending", passwordHash: await hashPassword(PASSWORD) } });
    expect(await refusal(email, PASSWORD, undefined, t0)).toBe("notActivated");
    expect(await refusal(email, "wrong", undefined, t0)).toBe("wrongCredentials");
  });

  it("refuses a password sign-in for an account that only has Google", async () => {
    const email = uniqueEmail("google-only");
    await db.user.create({ data: { email, name: "Google only", activatedAt: t0 } });
    expect(await refusal(email, "", undefined, t0)).toBe("wrongCredentials");
    expect(await refusal(email, "decoy-password-never-matches", undefined, t0)).toBe("wrongCredentials");
  });
});
