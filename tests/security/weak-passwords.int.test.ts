// Weak passwords, as the security review found them and as they are now refused: "`12345678`,
// `password`, a password equal to the email" were accepted. Every way a password is set
// (registration, reset, invitation acceptance, change from the profile) now applies one policy:
// at least 10 characters, not a common password, not the person's email, its local part or name.
// Over real HTTP through the route handler, so the refusal arrives as the form shows it: translated,
// under the password field when the schema can tell, else on top of the form.
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../server/auth/sessions";
import { signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { deliverOutbox } from "../../server/notifications/outbox";
import { DEMO_PASSWORD } from "../../server/seed/demo";
import type { AppRouter } from "../../server/trpc/router";
import { registerUser } from "../../server/users/register";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { PASSWORD, callerFor, failure, makeUser, uniqueEmail } from "../support/factories";
import { httpClient, sessionCookie, useDatabase } from "../support/http";
import type { Mailbox } from "../support/mailbox";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let mailbox: Mailbox;
beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
  useDatabase(world.database);
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

async function clientError(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

const es = (key: string) => message("es", key);

describe("registration", () => {
  const register = (email: string, password: string, name = "Lucía Pérez") =>
    httpClient({ "x-mesa-locale": "es" }).auth.register.mutate({ name, email, password, locale: "es" });

  it("refuses the passwords of the finding, saying why under the password field, and creates nothing", async () => {
    const cases: [string, (email: string) => string, string][] = [
      ["12345678", () => "12345678", "Validation.passwordTooShort"],
      ["password", () => "password", "Validation.passwordTooShort"],
      ["a common one", () => "1234567890", "Validation.passwordCommon"],
      ["another common one", () => "Password123", "Validation.passwordCommon"],
      ["the email", (email) => email, "Validation.passwordContainsPersonalInfo"],
      ["the email in capitals", (email) => email.toUpperCase(), "Validation.passwordContainsPersonalInfo"],
      ["built on the local part", (email) => `${email.split("@")[0]}!2030`, "Validation.passwordContainsPersonalInfo"],
      ["the name", () => "lucía pérez", "Validation.passwordContainsPersonalInfo"],
    ];
    for (const [label, password, key] of cases) {
      const email = uniqueEmail("lucia");
      const error = await clientError(register(email, password(email)));
      expect(error.data?.fieldErrors, label).toEqual({ password: es(key) });
      expect(error.data?.httpStatus).toBe(400);
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
    await deliverOutbox(db);
    expect(mailbox.received).toHaveLength(0);
  });

  it("accepts a long password of unrelated words", async () => {
    const email = uniqueEmail("lucia");
    expect(await register(email, "orange kettle drum")).toEqual({ email });
  });

  it("the use-case refuses them too, for callers without the form's schema", async () => {
    const refusal = async (password: string) =>
      (
        (await failure(
          registerUser(db, { email: uniqueEmail("script"), name: "Script Runner", password, locale: "en" }, new Date()),
        )) as AppError
      ).messageKey;
    expect(await refusal("12345678")).toBe("passwordTooShort");
    expect(await refusal("qwertyuiop")).toBe("passwordCommon");
    expect(await refusal("aaaaaaaaaaaa")).toBe("passwordCommon");
    expect(await refusal("Script Runner")).toBe("passwordContainsPersonalInfo");
  });
});

describe("reset and invitation acceptance", () => {
  async function invitationToken(email: string): Promise<string> {
    const orgAdmin = await world.login("orgadmin@demo.test");
    const acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
    await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email, role: "member", locale: "es" });
    await deliverOutbox(db);
    return /reset-password\?token=([\w-]+)/.exec(mailbox.to(email).at(-1)?.text ?? "")![1]!;
  }

  it("an invitee cannot choose a common password nor one built on their address; the link stays usable", async () => {
    const email = uniqueEmail("invitee");
    const token = await invitationToken(email);
    const client = httpClient({ "x-mesa-locale": "es" });

    const common = await clientError(client.auth.resetPassword.mutate({ token, password: "iloveyou123" }));
    expect(common.data?.fieldErrors).toEqual({ password: es("Validation.passwordCommon") });

    // The schema does not know whose link it is: the use-case does, and says so on top of the form.
    const personal = await clientError(client.auth.resetPassword.mutate({ token, password: `${email.split("@")[0]}-2030` }));
    expect(personal.message).toBe(es("Errors.passwordContainsPersonalInfo"));
    expect(personal.data).toMatchObject({ httpStatus: 400, appCode: "invalid_input" });

    expect(await client.auth.resetPassword.mutate({ token, password: "orange kettle drum" })).toEqual({ ok: true });
    expect((await signInWithPassword(db, { email, password: "orange kettle drum" }, new Date())).email).toBe(email);
  });
});

describe("change from the profile", () => {
  it("refuses the email as the new password and a common one, and keeps the old password", async () => {
    const user = await makeUser(db, { locale: "es", label: "changer" });
    const cookie = await sessionCookie(user.id, await createSession(db, user.id, new Date()));
    const client = httpClient({ cookie });

    const personal = await clientError(client.profile.changePassword.mutate({ current: PASSWORD, next: user.email }));
    expect(personal.message).toBe(es("Errors.passwordContainsPersonalInfo"));
    const common = await clientError(client.profile.changePassword.mutate({ current: PASSWORD, next: "1234567890" }));
    expect(common.data?.fieldErrors).toEqual({ next: es("Validation.passwordCommon") });
    const short = await clientError(client.profile.changePassword.mutate({ current: PASSWORD, next: "12345678" }));
    expect(short.data?.fieldErrors).toEqual({ next: es("Validation.passwordTooShort") });
    expect((await signInWithPassword(db, { email: user.email, password: PASSWORD }, new Date())).id).toBe(user.id);
  });
});

describe("accounts that exist already", () => {
  it("the demo accounts, seeded directly, still sign in with their short demo password", async () => {
    expect((await signInWithPassword(db, { email: "partner@demo.test", password: DEMO_PASSWORD }, new Date())).email).toBe(
      "partner@demo.test",
    );
  });
});
