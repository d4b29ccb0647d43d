// A person's own profile through the tRPC procedures (createCaller with a plain context).
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { loadSessionPrincipal } from "../../server/auth/sessions";
import { signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { PASSWORD, callerFor, failure, makeUser, signedIn } from "../support/factories";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

describe("profile", () => {
  it("get returns the signed-in person's own details", async () => {
    const user = await makeUser(db, { locale: "fr" });
    const profile = await callerFor(db, await signedIn(db, user.id)).profile.get();
    expect(profile).toMatchObject({
      id: user.id,
      email: user.email,
      name: user.name,
      locale: "fr",
      timeZone: "Europe/Madrid",
      phone: null,
      role: "partner",
      organizations: [],
      isStaff: false,
      canAccessTicketing: true,
    });
    expect(profile).not.toHaveProperty("passwordHash");
  });

  it("update saves name, language, time zone and phone, trimmed", async () => {
    const user = await makeUser(db);
    const c = callerFor(db, await signedIn(db, user.id));
    const updated = await c.profile.update({
      name: "  Renée Dupont ",
      locale: "pt",
      timeZone: "America/Sao_Paulo",
      phone: " +55 11 91234-5678 ",
    });
    expect(updated).toMatchObject({ name: "Renée Dupont", locale: "pt", timeZone: "America/Sao_Paulo", phone: "+55 11 91234-5678" });
    expect(await c.profile.get()).toMatchObject({
      name: "Renée Dupont",
      locale: "pt",
      timeZone: "America/Sao_Paulo",
      phone: "+55 11 91234-5678",
    });
    // Fields left out stay as they are; null clears the phone.
    expect(await c.profile.update({ phone: null })).toMatchObject({ name: "Renée Dupont", locale: "pt", phone: null });
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ phone: "call me maybe" }, "phone"],
    [{ locale: "de" }, "locale"],
    [{ name: "   " }, "name"],
  ])("update refuses %j and saves nothing", async (input, field) => {
    const user = await makeUser(db);
    const c = callerFor(db, await signedIn(db, user.id));
    const error = await failure(c.profile.update(input as never));
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause)).toContain(field);
    expect(await c.profile.get()).toMatchObject({ name: user.name, timeZone: user.timeZone, phone: null, locale: user.locale });
  });

  it("changePassword with a wrong current password changes nothing", async () => {
    const user = await makeUser(db);
    const c = callerFor(db, await signedIn(db, user.id), "es");
    const error = await failure(c.profile.changePassword({ current: "not my password", next: "a brand new password" }));
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toBeInstanceOf(AppError);
    expect(((error as TRPCError).cause as AppError).messageKey).toBe("wrongCurrentPassword");
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date())).id).toBe(user.id);
  });

  it("changePassword signs out every other browser but keeps this one", async () => {
    const user = await makeUser(db);
    const here = await signedIn(db, user.id);
    const elsewhere = await signedIn(db, user.id);
    expect(await callerFor(db, here).profile.changePassword({ current: PASSWORD, next: "a brand new password" })).toEqual({ ok: true });

    expect(await loadSessionPrincipal(db, elsewhere.sessionId, new Date())).toBeNull();
    expect((await loadSessionPrincipal(db, here.sessionId, new Date()))?.id).toBe(user.id);
    expect((await signInWithPassword(db, { email: user.email, password: "a brand new password" }, new Date())).id).toBe(user.id);
    const old = await failure(signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date()));
    expect((old as AppError).messageKey).toBe("wrongCredentials");
  });

  it("changePassword refuses a new password that is too short", async () => {
    const user = await makeUser(db);
    const error = await failure(callerFor(db, await signedIn(db, user.id)).profile.changePassword({ current: PASSWORD, next: "short" }));
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date())).id).toBe(user.id);
  });

  it("an expired or deleted session is no longer anyone", async () => {
    const user = await makeUser(db);
    const t0 = new Date("2030-01-01T00:00:00Z");
    const session = await signedIn(db, user.id, t0);
    expect(await loadSessionPrincipal(db, session.sessionId, new Date("2030-01-30T23:59:00Z"))).not.toBeNull();
    expect(await loadSessionPrincipal(db, session.sessionId, new Date("2030-01-31T00:00:01Z"))).toBeNull();
    await db.session.delete({ where: { id: session.sessionId } });
    expect(await loadSessionPrincipal(db, session.sessionId, t0)).toBeNull();
    expect(await loadSessionPrincipal(db, "not-a-session-id", t0)).toBeNull();
  });
});
