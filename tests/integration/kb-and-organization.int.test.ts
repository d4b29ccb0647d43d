// Knowledge-base suggestions in the viewer's language, and an organization admin managing members.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { deliverOutbox } from "../../server/notifications/outbox";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail } from "../support/factories";
import type { Mailbox } from "../support/mailbox";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let orgAdmin: SignedIn;
let acmeId: string;
let mailbox: Mailbox;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
  partner = await world.login("partner@demo.test");
  orgAdmin = await world.login("orgadmin@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

describe("knowledge-base suggestions", () => {
  it("match the words being typed in the viewer's language, accents and endings ignored", async () => {
    const es = await callerFor(db, partner, "es").kb.suggest({ text: "No puedo configurar el correo en outlook" });
    expect(es[0]?.title).toBe("Cómo configurar tu cuenta de correo en Outlook");
    const fr = await callerFor(db, partner, "fr").kb.suggest({ text: "mot de passe oublie" });
    expect(fr[0]?.title).toBe("Réinitialiser le mot de passe du panneau");
    const pt = await callerFor(db, partner, "pt").kb.suggest({ text: "domin" });
    expect(pt[0]?.title).toBe("Apontar um domínio para sua hospedagem (DNS)"); // the title outranks a body mention
  });

  it("suggest nothing for text that matches no article", async () => {
    expect(await callerFor(db, partner, "en").kb.suggest({ text: "xylophone quartet" })).toEqual([]);
  });
});

describe("organization members", () => {
  afterEach(() => void mailbox.received.splice(0));

  it("an org admin invites a new person, who gets an email in the admin's chosen language to set a password", async () => {
    const email = uniqueEmail("invitee");
    const result = await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email, role: "member", locale: "pt" });
    expect(result).toEqual({ invited: true });
    await deliverOutbox(db); // account mail goes through the outbox
    const [mail] = mailbox.to(email);
    expect(mail?.subject).toBe(message("pt", "Email.invitation.subject").replace("{organization}", "Acme Hosting"));
    const token = /reset-password\?token=([\w-]+)/.exec(mail?.text ?? "")?.[1];
    expect(token).toBeTruthy();
    await callerFor(db, null).auth.resetPassword({ token: token!, password: "a brand new secret" });
    const members = await callerFor(db, orgAdmin).organizations.members({ organizationId: acmeId });
    expect(members.members.find((m) => m.email === email)).toMatchObject({ role: "member", pending: false });
  });

  it("adding an existing person needs no email", async () => {
    const globexUser = await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } });
    expect(
      await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email: globexUser.email, role: "member", locale: "es" }),
    ).toEqual({ invited: false });
    await deliverOutbox(db);
    expect(mailbox.received).toEqual([]);
    await callerFor(db, orgAdmin).organizations.remove({ organizationId: acmeId, userId: globexUser.id });
    expect((await callerFor(db, orgAdmin).organizations.members({ organizationId: acmeId })).members.map((m) => m.id)).not.toContain(
      globexUser.id,
    );
  });

  it("a plain member may not manage members, and the last admin cannot step down", async () => {
    expect(((await failure(callerFor(db, partner).organizations.members({ organizationId: acmeId }))) as TRPCError).code).toBe("FORBIDDEN");
    const error = (await failure(
      callerFor(db, orgAdmin, "es").organizations.setRole({ organizationId: acmeId, userId: orgAdmin.id, role: "member" }),
    )) as TRPCError;
    expect(error.code).toBe("CONFLICT");
    await callerFor(db, orgAdmin).organizations.setRole({ organizationId: acmeId, userId: partner.id, role: "admin" });
    const fresh = await signedIn(db, partner.id);
    expect((await callerFor(db, fresh).organizations.members({ organizationId: acmeId })).members.length).toBeGreaterThan(1);
    await callerFor(db, orgAdmin).organizations.setRole({ organizationId: acmeId, userId: partner.id, role: "member" });
  });
});
