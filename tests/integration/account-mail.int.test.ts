// Registration → activation email → activation → sign-in, and "forgot password", with mail sent
// over SMTP to a local server and read back as the recipient would.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, loadSessionPrincipal } from "../../server/auth/sessions";
import { signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import type { AppLocale } from "../../server/i18n/locales";
import { deliverOutbox } from "../../server/notifications/outbox";
import { PASSWORD, callerFor, failure, makeUser, uniqueEmail } from "../support/factories";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { message } from "../support/messages";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  // Before anything reads the configuration (server/config/env.ts keeps the first reading).
  process.env.SMTP_URL = mailbox.url;
  process.env.MAIL_FROM = "Mesa <no-reply@mesa.test>";
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
  await mailbox?.close();
});

const anonymous = (locale: AppLocale = "en") => callerFor(db, null, locale);

/** Account mail goes through the outbox: send what is queued, then read the mailbox. */
async function mailsTo(address: string): Promise<ParsedMail[]> {
  await deliverOutbox(db);
  return mailbox.to(address);
}

/** The one mail an address received, and the token of the link in it. */
async function onlyMail(
  address: string,
  path: "activate" | "reset-password",
  locale: AppLocale,
): Promise<{ mail: ParsedMail; token: string }> {
  const mails = await mailsTo(address);
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  const link = new RegExp(`http://mesa\\.test/${locale}/${path}\\?token=([A-Za-z0-9_-]{20,})`);
  const inText = mail.text?.match(link);
  expect(inText, `no ${path} link in:\n${mail.text}`).not.toBeNull();
  expect(mail.html || "").toContain(inText![0]);
  return { mail, token: inText![1]! };
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await failure(promise);
  const cause = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}

describe("registration and activation", () => {
  it("sends the activation mail in the language chosen at registration, and the link activates once", async () => {
    const email = uniqueEmail("registrant");
    expect(
      await anonymous("en").auth.register({ name: "Lucía Pérez", email: email.toUpperCase(), password: PASSWORD, locale: "es" }),
    ).toEqual({ email });

    const { mail, token } = await onlyMail(email, "activate", "es");
    expect(mail.subject).toBe(message("es", "Email.activation.subject"));
    expect(mail.from?.value).toEqual([{ name: "Mesa", address: "no-reply@mesa.test" }]);
    expect(mail.text).toContain(message("es", "Email.greeting").replace("{name}", "Lucía Pérez"));
    expect(mail.text).toContain(message("es", "Email.activation.intro"));
    expect(mail.html || "").toContain(`lang="es"`);

    // Before activation the account cannot sign in.
    expect((await appError(signInWithPassword(db, { email, password: PASSWORD }, new Date()))).messageKey).toBe("notActivated");

    expect(await anonymous().auth.activate({ token })).toEqual({ email });
    expect((await signInWithPassword(db, { email, password: PASSWORD }, new Date())).email).toBe(email);

    const reuse = await appError(anonymous().auth.activate({ token }));
    expect(reuse.messageKey).toBe("invalidLink");
  });

  it("writes in French to someone who registers in French", async () => {
    const email = uniqueEmail("francais");
    await anonymous("fr").auth.register({ name: "Zoé", email, password: PASSWORD, locale: "fr" });
    const { mail } = await onlyMail(email, "activate", "fr");
    expect(mail.subject).toBe(message("fr", "Email.activation.subject"));
    expect(mail.text).toContain(message("fr", "Email.activation.action"));
  });

  it("registering an email that already has an active account answers as for a new one, changes nothing and tells the owner", async () => {
    const user = await makeUser(db);
    // The same answer as a new address gets (no "emailTaken": the form must not reveal who has an account).
    expect(await anonymous().auth.register({ name: "Impostor", email: user.email, password: "whatever-123", locale: "en" })).toEqual({
      email: user.email,
    });
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(message(user.locale, "Email.registrationExisting.subject"));
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: user.name,
      locale: user.locale,
      passwordHash: user.passwordHash,
    });
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date())).id).toBe(user.id);
  });

  it("a made-up activation token activates nothing", async () => {
    expect((await appError(anonymous().auth.activate({ token: "x".repeat(43) }))).messageKey).toBe("invalidLink");
  });
});

describe("password reset", () => {
  it("sends nothing for an email without an account, and says the same as for one with an account", async () => {
    await deliverOutbox(db);
    const before = mailbox.received.length;
    const email = uniqueEmail("stranger");
    expect(await anonymous().auth.requestPasswordReset({ email })).toEqual({ ok: true });
    expect(await mailsTo(email)).toHaveLength(0);
    expect(mailbox.received.length).toBe(before);
  });

  it("resets the password with the emailed link and signs every browser out", async () => {
    const user = await makeUser(db, { locale: "pt" });
    const sessions = [await createSession(db, user.id, new Date()), await createSession(db, user.id, new Date())];
    expect(await anonymous("en").auth.requestPasswordReset({ email: ` ${user.email.toUpperCase()} ` })).toEqual({ ok: true });

    const { mail, token } = await onlyMail(user.email, "reset-password", "pt");
    expect(mail.subject).toBe(message("pt", "Email.passwordReset.subject"));

    expect(await anonymous().auth.resetPassword({ token, password: "a fresh password" })).toEqual({ ok: true });
    for (const sid of sessions) expect(await loadSessionPrincipal(db, sid, new Date())).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await signInWithPassword(db, { email: user.email, password: "a fresh password" }, new Date())).id).toBe(user.id);
    expect((await appError(signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date()))).messageKey).toBe(
      "wrongCredentials",
    );

    // The link works once.
    expect((await appError(anonymous().auth.resetPassword({ token, password: "yet another one" }))).messageKey).toBe("invalidLink");
  });

  it("a reset link expires after an hour", async () => {
    const user = await makeUser(db);
    await anonymous().auth.requestPasswordReset({ email: user.email });
    const { token } = await onlyMail(user.email, "reset-password", user.locale);
    const late = callerFor(db, null, "en", new Date(Date.now() + 61 * 60_000));
    expect((await appError(late.auth.resetPassword({ token, password: "too late password" }))).messageKey).toBe("invalidLink");
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date())).id).toBe(user.id);
  });

  it("a reset lifts the lock of an account that failed too often", async () => {
    const user = await makeUser(db);
    for (let i = 0; i < 5; i++) await failure(signInWithPassword(db, { email: user.email, password: "forgotten" }, new Date()));
    expect((await appError(signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date()))).messageKey).toBe(
      "tooManyAttempts",
    );
    await anonymous().auth.requestPasswordReset({ email: user.email });
    const { token } = await onlyMail(user.email, "reset-password", user.locale);
    await anonymous().auth.resetPassword({ token, password: "remembered now" });
    expect((await signInWithPassword(db, { email: user.email, password: "remembered now" }, new Date())).id).toBe(user.id);
  });
});
