// Account takeover through registration, as the security review found it, and its refusal: a
// second registration of an address (not activated yet, invited, or active) changes nothing in the
// account, answers exactly as a new registration does, and mails the address's owner; emailed
// links act only on the account as it was when they were issued. Real PGlite, real SMTP capture,
// the tRPC procedures as the browser calls them and the password sign-in that next-auth uses.
import type { ParsedMail } from "mailparser";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/auth/password";
import { loadSessionPrincipal } from "../../server/auth/sessions";
import { signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import type { AppLocale } from "../../server/i18n/locales";
import { deliverOutbox } from "../../server/notifications/outbox";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { PASSWORD, callerFor, failure, makeUser, signedIn, uniqueEmail, type SignedIn } from "../support/factories";
import type { Mailbox } from "../support/mailbox";
import { message } from "../support/messages";

const VICTIM_PASSWORD = "the victim's own secret";
const ATTACKER_PASSWORD = "attacker controls this";

let world: DemoWorld;
let db: Db;
let mailbox: Mailbox;
let orgAdmin: SignedIn;
let acmeId: string;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
  orgAdmin = await world.login("orgadmin@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

const anonymous = (locale: AppLocale = "en", now?: Date) => callerFor(db, null, locale, now);

/** Account mail goes through the outbox: send what is queued, then read the mailbox. */
async function mailsTo(address: string): Promise<ParsedMail[]> {
  await deliverOutbox(db);
  return mailbox.to(address);
}

type LinkPath = "activate" | "reset-password" | "login";

/** The token of the mail's `path` link (the link must be in both the text and the HTML part). */
function tokenIn(mail: ParsedMail, path: Exclude<LinkPath, "login">, locale: AppLocale): string {
  const link = new RegExp(`http://mesa\\.test/${locale}/${path}\\?token=([A-Za-z0-9_-]{20,})`);
  const found = mail.text?.match(link);
  expect(found, `no ${path} link in:\n${mail.text}`).not.toBeNull();
  expect(mail.html || "").toContain(found![0]);
  return found![1]!;
}

const paths = (mail: ParsedMail) => [...(mail.text ?? "").matchAll(/http:\/\/mesa\.test\/\w+\/([\w-]+)/g)].map((m) => m[1]);

/** The error a sign-in / procedure failed with, as the domain names it. */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await failure(promise);
  const cause = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
  expect(cause, String(error)).toBeInstanceOf(AppError);
  return cause as AppError;
}

const signIn = (email: string, password: string) => signInWithPassword(db, { email, password }, new Date());
const refusedSignIn = async (email: string, password: string) => (await appError(signIn(email, password))).messageKey;

/** A registration of an address nobody has, for the answer a new address gets. */
async function freshAnswer(locale: AppLocale = "en") {
  const email = uniqueEmail("fresh");
  const answer = await anonymous(locale).auth.register({ name: "Someone New", email, password: "a fresh password", locale });
  return { email, answer };
}

describe("registering the address of an account that is not activated yet", () => {
  it("changes nothing: the victim's activation link activates the victim's own password and name", async () => {
    const email = uniqueEmail("victim");
    const victimAnswer = await anonymous("es").auth.register({ name: "Víctima Real", email, password: VICTIM_PASSWORD, locale: "es" });
    const [activationMail] = await mailsTo(email);
    expect(activationMail?.subject).toBe(message("es", "Email.activation.subject"));
    const linkA = tokenIn(activationMail!, "activate", "es");
    const before = await db.user.findUniqueOrThrow({ where: { email } });

    // The attack: the same address again, with the attacker's password, name and language.
    const attackerAnswer = await anonymous("en").auth.register({
      name: "Mallory",
      email: ` ${email.toUpperCase()} `,
      password: ATTACKER_PASSWORD,
      locale: "en",
    });

    // Answered exactly as a new address is: same shape, same content, no "emailTaken".
    const fresh = await freshAnswer();
    expect(attackerAnswer).toEqual({ email });
    expect(attackerAnswer).toEqual(victimAnswer);
    expect(Object.keys(attackerAnswer)).toEqual(Object.keys(fresh.answer));

    // The account is as the victim left it.
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after).toMatchObject({
      id: before.id,
      name: "Víctima Real",
      locale: "es",
      passwordHash: before.passwordHash,
      activatedAt: null,
    });
    expect(await verifyPassword(after.passwordHash, ATTACKER_PASSWORD)).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(1);

    // The owner was told, in the owner's language, with the owner's name.
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const notice = mails[1]!;
    expect(notice.subject).toBe(message("es", "Email.registrationPending.subject"));
    expect(notice.text).toContain(message("es", "Email.greeting").replace("{name}", "Víctima Real"));
    expect(notice.text).toContain(message("es", "Email.registrationPending.intro"));
    expect(notice.text).not.toContain("Mallory");
    expect(paths(notice)).toEqual(["reset-password"]);

    // The victim opens link A: active, with the victim's password and name.
    expect(await anonymous("es").auth.activate({ token: linkA })).toEqual({ email });
    expect(await signIn(email, VICTIM_PASSWORD)).toMatchObject({ id: before.id, email, name: "Víctima Real" });
    expect(await refusedSignIn(email, ATTACKER_PASSWORD)).toBe("wrongCredentials");
  });

  it("when the attacker registered first, the owner's own registration lets them choose the password, and the attacker's link dies", async () => {
    const email = uniqueEmail("squatted");
    await anonymous("en").auth.register({ name: "Mallory", email, password: ATTACKER_PASSWORD, locale: "en" });
    // The attacker's activation mail went to the owner's mailbox; the attacker does not have it,
    // and cannot sign in before someone opens it.
    const attackerLink = tokenIn((await mailsTo(email))[0]!, "activate", "en");
    expect(await refusedSignIn(email, ATTACKER_PASSWORD)).toBe("notActivated");

    // The owner registers the address; nothing changes, the mail offers to choose the password.
    expect(await anonymous("pt").auth.register({ name: "Dona Real", email, password: VICTIM_PASSWORD, locale: "pt" })).toEqual({ email });
    const notice = (await mailsTo(email))[1]!;
    expect(notice.subject).toBe(message("en", "Email.registrationPending.subject")); // the account's language
    const choose = tokenIn(notice, "reset-password", "en");
    expect(await anonymous().auth.resetPassword({ token: choose, password: VICTIM_PASSWORD })).toEqual({ ok: true });

    expect((await signIn(email, VICTIM_PASSWORD)).email).toBe(email);
    expect(await refusedSignIn(email, ATTACKER_PASSWORD)).toBe("wrongCredentials");
    // The link issued with the attacker's password was revoked when the owner chose theirs.
    expect((await appError(anonymous().auth.activate({ token: attackerLink }))).messageKey).toBe("invalidLink");
    expect(await refusedSignIn(email, ATTACKER_PASSWORD)).toBe("wrongCredentials");
  });
});

describe("registering the address of an invited person", () => {
  /** The organization admin invites a new address; returns its invitation link. */
  async function invite(email: string, locale: AppLocale = "pt"): Promise<string> {
    expect(await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email, role: "member", locale })).toEqual({
      invited: true,
    });
    const mail = (await mailsTo(email)).at(-1)!;
    expect(mail.subject).toBe(message(locale, "Email.invitation.subject").replace("{organization}", "Acme Hosting"));
    return tokenIn(mail, "reset-password", locale);
  }

  /** Signs in with the password and loads the session as the panel does. */
  async function sessionOf(email: string, password: string) {
    const { id } = await signIn(email, password);
    return signedIn(db, id);
  }

  it("cannot set the password the invitee is then signed into: the invitee's own choice is the password", async () => {
    const bob = uniqueEmail("bob");
    const invitation = await invite(bob);
    const before = await db.user.findUniqueOrThrow({ where: { email: bob } });
    expect(before.passwordHash).toBeNull();

    const answer = await anonymous("en").auth.register({ name: "Mallory", email: bob, password: ATTACKER_PASSWORD, locale: "en" });
    expect(answer).toEqual({ email: bob });
    expect(Object.keys(answer)).toEqual(Object.keys((await freshAnswer()).answer));

    // Nothing changed; bob got the invitation again (in his language), never an activation link.
    expect(await db.user.findUniqueOrThrow({ where: { email: bob } })).toMatchObject({
      name: before.name,
      locale: "pt",
      passwordHash: null,
      activatedAt: null,
    });
    const mails = await mailsTo(bob);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe(message("pt", "Email.invitation.subject").replace("{organization}", "Acme Hosting"));
    expect(mails.flatMap(paths)).not.toContain("activate");
    const resent = tokenIn(mails[1]!, "reset-password", "pt");
    expect(await db.emailToken.count({ where: { userId: before.id, purpose: "activation" } })).toBe(0);
    expect(await refusedSignIn(bob, ATTACKER_PASSWORD)).toBe("wrongCredentials");

    // Bob accepts the invitation he was sent first, choosing his password.
    expect(await anonymous("pt").auth.resetPassword({ token: invitation, password: VICTIM_PASSWORD })).toEqual({ ok: true });
    const session = await sessionOf(bob, VICTIM_PASSWORD);
    expect(session.organizations.map((o) => o.id)).toContain(acmeId);
    expect(await refusedSignIn(bob, ATTACKER_PASSWORD)).toBe("wrongCredentials");
    // The resent invitation was issued before bob's password: it cannot replace it now.
    expect((await appError(anonymous().auth.resetPassword({ token: resent, password: ATTACKER_PASSWORD }))).messageKey).toBe("invalidLink");
    expect(await refusedSignIn(bob, ATTACKER_PASSWORD)).toBe("wrongCredentials");
    // The only session bob's account ever had is the one bob signed into.
    expect(await db.session.findMany({ where: { userId: before.id }, select: { id: true } })).toEqual([{ id: session.sessionId }]);
  });

  it("the other order too: an invitation of an address someone registered first drops that password and its activation link", async () => {
    const bob = uniqueEmail("bob-late");
    await anonymous("en").auth.register({ name: "Acme Admin", email: bob, password: ATTACKER_PASSWORD, locale: "en" });
    const attackerLink = tokenIn((await mailsTo(bob))[0]!, "activate", "en");

    // The admin invites the address, which has an account nobody confirmed: it is an invitation.
    const invitation = await invite(bob, "en");
    const invited = await db.user.findUniqueOrThrow({ where: { email: bob } });
    expect(invited).toMatchObject({ passwordHash: null, activatedAt: null });
    expect(invited.name).not.toBe("Acme Admin");

    // Bob opens the first mail he got (the activation link of the attacker's registration):
    // it no longer activates anything, so the attacker's password never comes with Acme's access.
    expect((await appError(anonymous().auth.activate({ token: attackerLink }))).messageKey).toBe("invalidLink");
    expect(await refusedSignIn(bob, ATTACKER_PASSWORD)).toBe("wrongCredentials");

    expect(await anonymous().auth.resetPassword({ token: invitation, password: VICTIM_PASSWORD })).toEqual({ ok: true });
    expect((await sessionOf(bob, VICTIM_PASSWORD)).organizations.map((o) => o.id)).toContain(acmeId);
    expect(await refusedSignIn(bob, ATTACKER_PASSWORD)).toBe("wrongCredentials");
  });
});

describe("registering the address of an active account", () => {
  it("answers as for a new address, changes nothing, and tells the owner", async () => {
    const owner = await makeUser(db, { locale: "fr", label: "owner" });
    const sessions = await db.session.count({ where: { userId: owner.id } });

    const answer = await anonymous("en").auth.register({ name: "Mallory", email: owner.email, password: ATTACKER_PASSWORD, locale: "en" });
    const fresh = await freshAnswer();
    expect(answer).toEqual({ email: owner.email });
    expect(Object.keys(answer)).toEqual(Object.keys(fresh.answer));

    const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after).toMatchObject({
      name: owner.name,
      locale: "fr",
      passwordHash: owner.passwordHash,
      activatedAt: owner.activatedAt,
      updatedAt: owner.updatedAt,
    });
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(sessions);
    expect(await db.emailToken.count({ where: { userId: owner.id } })).toBe(0);

    const mails = await mailsTo(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(message("fr", "Email.registrationExisting.subject"));
    expect(mails[0]!.text).toContain(message("fr", "Email.greeting").replace("{name}", owner.name));
    expect(mails[0]!.text).toContain(message("fr", "Email.registrationExisting.advice"));
    expect(mails[0]!.text).toContain("http://mesa.test/fr/login");
    expect(mails[0]!.text).not.toContain("token=");

    expect((await signIn(owner.email, PASSWORD)).id).toBe(owner.id);
    expect(await refusedSignIn(owner.email, ATTACKER_PASSWORD)).toBe("wrongCredentials");
  });
});

describe("ten registrations of one new address at once (a double submit)", () => {
  it("all answer success, and exactly one account exists, which its activation link activates", async () => {
    const email = uniqueEmail("burst");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => anonymous("en").auth.register({ name: "Burst", email, password: VICTIM_PASSWORD, locale: "en" })),
    );
    const failed = results.filter((r) => r.status === "rejected").map((r) => (r.reason as TRPCError).code ?? String(r.reason));
    expect(failed).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<unknown>).value)).toEqual(Array(10).fill({ email }));
    expect(await db.user.count({ where: { email } })).toBe(1);

    const mails = await mailsTo(email);
    const activations = mails.filter((m) => m.subject === message("en", "Email.activation.subject"));
    expect(activations).toHaveLength(1);
    for (const m of mails)
      expect([message("en", "Email.activation.subject"), message("en", "Email.registrationPending.subject")]).toContain(m.subject);
    await anonymous().auth.activate({ token: tokenIn(activations[0]!, "activate", "en") });
    expect((await signIn(email, VICTIM_PASSWORD)).email).toBe(email);
  });
});

describe("emailed links are single-use, expire, and die with a password change", () => {
  async function registered(label: string) {
    const email = uniqueEmail(label);
    await anonymous().auth.register({ name: "Link Tester", email, password: VICTIM_PASSWORD, locale: "en" });
    return { email, token: tokenIn((await mailsTo(email))[0]!, "activate", "en") };
  }

  async function resetLink(email: string): Promise<string> {
    await anonymous().auth.requestPasswordReset({ email });
    return tokenIn((await mailsTo(email)).at(-1)!, "reset-password", "en");
  }

  it("an activation link works once", async () => {
    const { email, token } = await registered("once");
    expect(await anonymous().auth.activate({ token })).toEqual({ email });
    expect((await appError(anonymous().auth.activate({ token }))).messageKey).toBe("invalidLink");
  });

  it("an activation link expires after 7 days and activates nothing then", async () => {
    const { email, token } = await registered("late");
    const late = anonymous("en", new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect((await appError(late.auth.activate({ token }))).messageKey).toBe("invalidLink");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).activatedAt).toBeNull();
    expect(await refusedSignIn(email, VICTIM_PASSWORD)).toBe("notActivated");
  });

  it("an invitation link expires after 7 days", async () => {
    const email = uniqueEmail("stale-invitee");
    await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email, role: "member", locale: "en" });
    const token = tokenIn((await mailsTo(email))[0]!, "reset-password", "en");
    const late = anonymous("en", new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect((await appError(late.auth.resetPassword({ token, password: ATTACKER_PASSWORD }))).messageKey).toBe("invalidLink");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });

  it("a reset link works once even when used twice at the same moment", async () => {
    const user = await makeUser(db, { label: "twice", locale: "en" });
    const token = await resetLink(user.email);
    const results = await Promise.allSettled([
      anonymous().auth.resetPassword({ token, password: "first new password" }),
      anonymous().auth.resetPassword({ token, password: "second new password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(((rejected.reason as TRPCError).cause as AppError).messageKey).toBe("invalidLink");
  });

  it("changing the password revokes the reset links sent before, and a reset revokes the other links", async () => {
    const user = await makeUser(db, { label: "changer", locale: "en" });
    const early = await resetLink(user.email);
    const here = await signedIn(db, user.id);
    await callerFor(db, here).profile.changePassword({ current: PASSWORD, next: "changed from the profile" });
    expect((await appError(anonymous().auth.resetPassword({ token: early, password: ATTACKER_PASSWORD }))).messageKey).toBe("invalidLink");
    expect((await signIn(user.email, "changed from the profile")).id).toBe(user.id);

    const first = await resetLink(user.email);
    const second = await resetLink(user.email);
    await anonymous().auth.resetPassword({ token: second, password: "reset by the newest link" });
    expect((await appError(anonymous().auth.resetPassword({ token: first, password: ATTACKER_PASSWORD }))).messageKey).toBe("invalidLink");
    expect((await signIn(user.email, "reset by the newest link")).id).toBe(user.id);
    expect(await loadSessionPrincipal(db, here.sessionId, new Date())).toBeNull();
  });
});
