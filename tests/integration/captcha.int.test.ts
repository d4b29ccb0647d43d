// The self-hosted CAPTCHA (ALTCHA proof of work, server/captcha) with the check ON, as the existing
// tests run with CAPTCHA=off (vitest.config.ts): these pass settings of their own through the tRPC
// context and to the sign-in, and solve real challenges with altcha-lib, as the widget does in the
// browser. A solution passes once; a missing, forged, altered, expired or replayed one is refused
// with a translated message, before the procedure does anything; CAPTCHA=off skips it all.
import type { TRPCError } from "@trpc/server";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as challengeRoute } from "../../app/api/captcha/challenge/route";
import type { Principal } from "../../server/access/principal";
import { signInWithPassword } from "../../server/auth/sign-in";
import { checkCaptcha, newChallenge, CAPTCHA_TTL_MS } from "../../server/captcha/captcha";
import { captchaSettingsFor, type CaptchaSettings } from "../../server/captcha/settings";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import type { AppLocale } from "../../server/i18n/locales";
import { formatError } from "../../server/trpc/error-format";
import { createCaller } from "../../server/trpc/router";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { PASSWORD, failure, makeUser, uniqueEmail } from "../support/factories";
import { message } from "../support/messages";

const on = captchaSettingsFor("captcha-integration-secret-0123456789abcdef");
const off: CaptchaSettings = { ...on, enabled: false };

/** A solved challenge of `settings`, as the widget sends it (base64 JSON). */
async function solved(settings: CaptchaSettings = on, issuedAt = new Date()): Promise<string> {
  const challenge = await newChallenge(settings, issuedAt);
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return encode({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution });
}
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
const decode = (payload: string) => JSON.parse(Buffer.from(payload, "base64").toString("utf8"));

/** The message key a refusal carries (from a use-case or through tRPC). */
async function refusalKey(promise: Promise<unknown>): Promise<string> {
  const error = await failure(promise);
  const cause = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
  expect(cause).toBeInstanceOf(AppError);
  return (cause as AppError).messageKey;
}

let world: DemoWorld;
let db: Db;
beforeAll(async () => {
  world = await openDemoWorld();
  db = world.db;
});
afterAll(() => world?.close());

const caller = (user: Principal | null, captcha: CaptchaSettings, locale: AppLocale = "es") =>
  createCaller({ db, user, locale, now: new Date(), captcha });

describe("checkCaptcha", () => {
  it("passes a real solution once; refuses its replay (even in parallel), a forged, altered, expired or garbled one", async () => {
    const now = () => new Date();
    const payload = await solved();
    await checkCaptcha(db, payload, now(), on);
    expect(await refusalKey(checkCaptcha(db, payload, now(), on))).toBe("captchaInvalid");

    // Two requests with one solution at once: exactly one gets through.
    const twice = await solved();
    const results = await Promise.allSettled([checkCaptcha(db, twice, now(), on), checkCaptcha(db, twice, now(), on)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);

    // Signed with another key: a challenge made up elsewhere.
    const forged = await solved(captchaSettingsFor("some-other-secret-0123456789abcdefgh"));
    expect(await refusalKey(checkCaptcha(db, forged, now(), on))).toBe("captchaInvalid");
    // A wrong key for the counter, or a parameter changed after signing (an easier prefix).
    const wrongKey = decode(await solved());
    wrongKey.solution.derivedKey = "00".repeat(32);
    expect(await refusalKey(checkCaptcha(db, encode(wrongKey), now(), on))).toBe("captchaInvalid");
    const altered = decode(await solved());
    altered.challenge.parameters.keyPrefix = "00";
    expect(await refusalKey(checkCaptcha(db, encode(altered), now(), on))).toBe("captchaInvalid");
    // Issued longer ago than a challenge lives.
    const expired = await solved(on, new Date(Date.now() - CAPTCHA_TTL_MS - 1_000));
    expect(await refusalKey(checkCaptcha(db, expired, now(), on))).toBe("captchaInvalid");
    for (const garbage of ["not base64 at all", encode({ challenge: null, solution: null, test: true }), encode([1, 2, 3])]) {
      expect(await refusalKey(checkCaptcha(db, garbage, now(), on))).toBe("captchaInvalid");
    }
    expect(await refusalKey(checkCaptcha(db, undefined, now(), on))).toBe("captchaRequired");
    expect(await refusalKey(checkCaptcha(db, "", now(), on))).toBe("captchaRequired");
    // Off: nothing to check, whatever is sent.
    await checkCaptcha(db, undefined, now(), off);
    await checkCaptcha(db, "garbage", now(), off);
  });

  it("the challenge route answers 404 when the server runs with CAPTCHA=off", async () => {
    const response = await challengeRoute();
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the procedures with the CAPTCHA on", () => {
  it("auth.register: refused without a solution in the caller's language, nothing created; a solution passes, once", async () => {
    const email = uniqueEmail("captcha");
    const input = { name: "Rosa Robot", email, password: "una-clave-segura-1", locale: "es" as const };
    const refused = await failure(caller(null, on).auth.register(input));
    expect(formatError(refused as TRPCError, "es")).toMatchObject({
      appCode: "invalid_input",
      message: message("es", "Errors.captchaRequired"),
    });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const captcha = await solved();
    expect(await caller(null, on).auth.register({ ...input, captcha })).toEqual({ email });
    expect(await db.user.count({ where: { email } })).toBe(1);
    const again = await failure(caller(null, on, "fr").auth.register({ ...input, email: uniqueEmail("replay"), captcha }));
    expect(formatError(again as TRPCError, "fr").message).toBe(message("fr", "Errors.captchaInvalid"));

    // Off: registration as before, no solution needed.
    const offEmail = uniqueEmail("off");
    expect(await caller(null, off).auth.register({ ...input, email: offEmail })).toEqual({ email: offEmail });
  });

  it("auth.requestPasswordReset: refused without a solution (and nothing queued), passes with one", async () => {
    const user = await makeUser(db);
    const queued = () => db.outboxMail.count({ where: { toAddress: user.email } });
    expect(await refusalKey(caller(null, on).auth.requestPasswordReset({ email: user.email }))).toBe("captchaRequired");
    expect(await queued()).toBe(0);
    expect(await caller(null, on).auth.requestPasswordReset({ email: user.email, captcha: await solved() })).toEqual({ ok: true });
    expect(await queued()).toBe(1);
  });

  it("a sign-in to an account under pressure asks for the CAPTCHA; solved, the owner gets in; with CAPTCHA=off the account waits", async () => {
    const user = await makeUser(db);
    const now = new Date();
    // Ten failures from ten addresses: the account's own delay starts (a guesser with many addresses).
    for (let i = 0; i < 10; i++) {
      expect(await refusalKey(signInWithPassword(db, { email: user.email, password: `wrong-${i}`, ip: `10.77.${i}.1` }, now, on))).toBe(
        "wrongCredentials",
      );
    }
    const owner = { email: user.email, password: PASSWORD, ip: "192.0.2.10" };
    expect(await refusalKey(signInWithPassword(db, owner, now, off))).toBe("accountSignInsSlowed");
    expect(await refusalKey(signInWithPassword(db, owner, now, on))).toBe("signInCaptchaRequired");
    expect(await refusalKey(signInWithPassword(db, { ...owner, captcha: "garbage" }, now, on))).toBe("captchaInvalid");
    const captcha = await solved();
    expect(await signInWithPassword(db, { ...owner, captcha }, now, on)).toMatchObject({ id: user.id });
    // The right password forgot the account's failures: the next sign-in needs nothing.
    expect(await signInWithPassword(db, owner, now, on)).toMatchObject({ id: user.id });
  });

  it("tickets.create asks for it only once an admin turned it on (off by default), and never with CAPTCHA=off", async () => {
    const admin = await world.login("admin@demo.test");
    const partner = await world.login("partner@demo.test");
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
    const ticket = {
      type: "request" as const,
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      subject: "Alta de un usuario",
      description: "Necesito acceso para una persona nueva.",
    };
    expect(await caller(admin, on).admin.security.policy()).toEqual({
      ticketCaptcha: false,
      helpRequiresSignIn: false,
      captchaAvailable: true,
    });
    expect((await caller(partner, on).tickets.formOptions()).captcha).toBe(false);
    await caller(partner, on).tickets.create(ticket);

    expect(await caller(admin, on).admin.security.setPolicy({ ticketCaptcha: true })).toEqual({
      ticketCaptcha: true,
      helpRequiresSignIn: false,
      captchaAvailable: true,
    });
    expect((await caller(partner, on).tickets.formOptions()).captcha).toBe(true);
    expect(await refusalKey(caller(partner, on).tickets.create(ticket))).toBe("captchaRequired");
    expect((await caller(partner, on).tickets.create({ ...ticket, captcha: await solved() })).reference).toMatch(/^TK-\d+$/);

    // CAPTCHA=off: the choice is kept, nothing asks for it.
    expect(await caller(admin, off).admin.security.policy()).toEqual({
      ticketCaptcha: true,
      helpRequiresSignIn: false,
      captchaAvailable: false,
    });
    expect((await caller(partner, off).tickets.formOptions()).captcha).toBe(false);
    await caller(partner, off).tickets.create(ticket);
    await caller(admin, on).admin.security.setPolicy({ ticketCaptcha: false });
  });
});
