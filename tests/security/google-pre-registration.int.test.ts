// Pre-registration takeover through "Continue with Google", as the security review found it and as
// it is now refused: signInWithGoogle linked a Google identity to an existing, never-activated
// account and activated it while keeping the password someone else may have set. An attacker who
// registered the victim's address first (with the attacker's password) then shared the account the
// victim went on to use through Google. Real PGlite, the registration procedure as the browser calls
// it, the real SMTP capture, and the sign-ins exactly as next-auth runs them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithGoogle, signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { deliverOutbox } from "../../server/notifications/outbox";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { PASSWORD, callerFor, failure, makeUser, uniqueEmail } from "../support/factories";
import type { Mailbox } from "../support/mailbox";

const ATTACKER_PASSWORD = "attacker controls this";
const options = { staffDomains: [], fallbackLocale: "en" as const };

let world: DemoWorld;
let db: Db;
let mailbox: Mailbox;
beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
});
afterAll(() => world?.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await failure(promise);
  const cause = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
  expect(cause, String(error)).toBeInstanceOf(AppError);
  return (cause as AppError).messageKey;
}

const signIn = (email: string, password: string) => signInWithPassword(db, { email, password }, new Date());

describe("Google sign-in on an account nobody activated", () => {
  it("drops the password and the links of whoever registered the address first", async () => {
    const email = uniqueEmail("victim");
    // The attacker registers the victim's address with a password of their own.
    await callerFor(db, null).auth.register({ name: "Acme Admin", email, password: ATTACKER_PASSWORD, locale: "en" });
    await deliverOutbox(db);
    const activation = /activate\?token=([\w-]+)/.exec(mailbox.to(email)[0]?.text ?? "")?.[1];
    expect(activation).toBeTruthy();
    const squatted = await db.user.findUniqueOrThrow({ where: { email } });
    expect(squatted.passwordHash).not.toBeNull();

    // The victim, who owns the address, signs in with Google.
    const google = { sub: randomUUID(), email, email_verified: true, name: "Vera Victim" };
    const now = new Date();
    expect(await signInWithGoogle(db, google, options, now)).toBe(squatted.id);

    const after = await db.user.findUniqueOrThrow({ where: { id: squatted.id } });
    expect(after).toMatchObject({ passwordHash: null, activatedAt: now, name: "Vera Victim" });
    // The attacker's password opens nothing, now or through the link mailed for it.
    expect(await refusal(signIn(email, ATTACKER_PASSWORD))).toBe("wrongCredentials");
    expect(await db.emailToken.count({ where: { userId: squatted.id, usedAt: null } })).toBe(0);
    expect(await refusal(callerFor(db, null).auth.activate({ token: activation! }))).toBe("invalidLink");
    expect(await refusal(signIn(email, ATTACKER_PASSWORD))).toBe("wrongCredentials");
    // The victim keeps signing in with Google into the same account.
    expect(await signInWithGoogle(db, google, options, new Date())).toBe(squatted.id);
  });

  it("an activated account keeps its password when its owner links Google", async () => {
    const owner = await makeUser(db, { label: "active-owner" });
    expect(
      await signInWithGoogle(db, { sub: randomUUID(), email: owner.email, email_verified: true, name: "Someone" }, options, new Date()),
    ).toBe(owner.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({
      passwordHash: owner.passwordHash,
      name: owner.name,
    });
    expect((await signIn(owner.email, PASSWORD)).id).toBe(owner.id);
  });
});
