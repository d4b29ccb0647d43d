// "Continue with Google": which Mesa account a Google identity lands in.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithGoogle, signInWithPassword, type GoogleProfile } from "../../server/auth/sign-in";
import { hashPassword } from "../../server/auth/password";
import type { Db } from "../../server/db";
import { PASSWORD, makeUser, uniqueEmail } from "../support/factories";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

const now = new Date("2030-06-01T12:00:00Z");
const options = { staffDomains: ["staff.example"], fallbackLocale: "en" as const };
const profile = (p: Partial<GoogleProfile> & { email: string }): GoogleProfile => ({
  sub: randomUUID(),
  email_verified: true,
  name: "Gina Google",
  ...p,
});

describe("signInWithGoogle", () => {
  it("links a verified Google address to the existing account with that email", async () => {
    const user = await makeUser(db);
    const google = profile({ email: user.email.toUpperCase() });
    expect(await signInWithGoogle(db, google, options, now)).toBe(user.id);
    expect(await db.account.findMany({ where: { userId: user.id }, select: { provider: true, providerAccountId: true } })).toEqual([
      { provider: "google", providerAccountId: google.sub },
    ]);
    // The password still works too.
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, now)).id).toBe(user.id);
  });

  it("activates a registered account waiting for its email confirmation", async () => {
    const email = uniqueEmail("waiting");
    const pending = await db.user.create({ data: { email, name: "Waiting", passwordHash: await hashPassword(PASSWORD) } });
    expect(await signInWithGoogle(db, profile({ email }), options, now)).toBe(pending.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: pending.id } })).activatedAt).toEqual(now);
  });

  it("refuses an unverified Google address that matches an existing account", async () => {
    const user = await makeUser(db);
    const google = profile({ email: user.email, email_verified: false });
    expect(await signInWithGoogle(db, google, options, now)).toBeNull();
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await signInWithGoogle(db, { ...google, email_verified: undefined }, options, now)).toBeNull();
  });

  it("creates an activated partner with ticketing access for a new address", async () => {
    const email = uniqueEmail("newcomer");
    const id = await signInWithGoogle(db, profile({ email, name: "  Nina Newcomer ", locale: "pt-BR" }), options, now);
    const user = await db.user.findUniqueOrThrow({ where: { id: id! }, include: { permissions: true } });
    expect(user).toMatchObject({ email, name: "Nina Newcomer", role: "partner", locale: "pt", activatedAt: now, passwordHash: null });
    expect(user.permissions.map((p) => p.permission)).toEqual(["can_access_ticketing"]);
  });

  it("makes a new address of a staff domain an agent", async () => {
    const email = `agent-${randomUUID().slice(0, 8)}@staff.example`;
    const id = await signInWithGoogle(db, profile({ email, locale: "de" }), options, now);
    expect(await db.user.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ role: "agent", locale: "en" });
  });

  it("returns the same account on every later sign-in with the same Google identity", async () => {
    const google = profile({ email: uniqueEmail("again") });
    const first = await signInWithGoogle(db, google, options, now);
    expect(first).not.toBeNull();
    // Even after the address changed on Google's side.
    expect(await signInWithGoogle(db, { ...google, email: uniqueEmail("renamed") }, options, now)).toBe(first);
    expect(await db.user.count({ where: { id: first! } })).toBe(1);
    expect(await db.account.count({ where: { providerAccountId: google.sub } })).toBe(1);
  });

  it("refuses a new unverified address without creating anything", async () => {
    const email = uniqueEmail("unverified");
    expect(await signInWithGoogle(db, profile({ email, email_verified: false }), options, now)).toBeNull();
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
