// Admin > Team and permissions through the procedures: an admin finds people, invites an agent
// (an account with its departments and an email in the invitee's language), changes roles and
// departments, and deactivates an account, which ends its sessions and API tokens and keeps it from
// signing in while its history stays; reactivating lets it back in. Nobody deactivates themselves.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrincipalOfSession } from "../../server/access/principal";
import { signInWithPassword } from "../../server/auth/sign-in";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { PASSWORD, callerFor, failure, makeUser, openAcmeTicket, signedIn, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
});
afterAll(() => world?.close());

const api = (locale: "es" | "en" | "pt" | "fr" = "es") => callerFor(db, admin, locale).admin.users;

describe("Admin > Team and permissions", () => {
  it("invites an agent with departments, in the invitee's language, and refuses an address that has an account", async () => {
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" } });
    const { id } = await api().invite({
      email: "Nova.Agente@Example.test",
      name: "Nova Agente",
      role: "agent",
      departmentIds: [support.id],
      locale: "pt",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id }, include: { departments: true } });
    expect(user).toMatchObject({ email: "nova.agente@example.test", role: "agent", locale: "pt", activatedAt: null, passwordHash: null });
    expect(user.departments.map((d) => d.departmentId)).toEqual([support.id]);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "nova.agente@example.test" } });
    expect(mail.subject).toBe(message("pt", "Email.staffInvitation.subject"));
    expect(mail.text).toMatch(/\/pt\/reset-password\?token=/);

    const found = await api("en").search({ q: "nova.agente", role: null });
    expect(found.people).toEqual([
      expect.objectContaining({ id, pending: true, deactivated: false, departments: [{ id: support.id, name: "Technical Support" }] }),
    ]);

    const again = (await failure(
      api("fr").invite({ email: "partner@demo.test", name: "X", role: "admin", departmentIds: [], locale: "fr" }),
    )) as TRPCError;
    expect(formatError(again, "fr").message).toBe(message("fr", "Errors.emailTaken"));
  });

  it("deactivates an account: signed out everywhere, refused at sign-in, history kept; reactivation lets it back", async () => {
    const partner = await signedIn(db, (await makeUser(db, { label: "leaving" })).id);
    await db.membership.create({
      data: { userId: partner.id, organizationId: (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id },
    });
    const member = await signedIn(db, partner.id);
    const ticket = await openAcmeTicket(db, member, "Mi web no carga", "Desde esta mañana da error 500.");
    await callerFor(db, member).profile.tokens.create({ name: "script", scope: "read" });

    await api().deactivate({ userId: partner.id });
    expect(await loadPrincipalOfSession(db, member.sessionId, new Date())).toBeNull();
    expect(await db.session.count({ where: { userId: partner.id } })).toBe(0);
    expect(await db.apiToken.count({ where: { userId: partner.id } })).toBe(0);
    const refused = (await failure(signInWithPassword(db, { email: partner.email, password: PASSWORD }, new Date()))) as Error;
    expect(refused).toMatchObject({ messageKey: "accountDeactivated" });
    // What they wrote stays.
    expect(await db.message.count({ where: { ticketId: ticket.id, authorId: partner.id } })).toBe(1);
    expect((await api().search({ q: partner.email, role: null })).people[0]).toMatchObject({ deactivated: true });

    await api().reactivate({ userId: partner.id });
    expect(await signInWithPassword(db, { email: partner.email, password: PASSWORD }, new Date())).toMatchObject({ id: partner.id });
  });

  it("refuses to deactivate or demote oneself", async () => {
    expect(formatError((await failure(api("en").deactivate({ userId: admin.id }))) as TRPCError, "en").message).toBe(
      message("en", "Errors.cannotDeactivateSelf"),
    );
    expect(
      formatError((await failure(api("en").update({ userId: admin.id, role: "agent", departmentIds: [] }))) as TRPCError, "en").message,
    ).toBe(message("en", "Errors.cannotDemoteSelf"));
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });

  it("makes a partner an agent of a department, whose queue then lists it", async () => {
    const person = await makeUser(db, { label: "promoted" });
    const billing = await db.department.findUniqueOrThrow({ where: { slug: "facturacion" } });
    await api().update({ userId: person.id, role: "agent", departmentIds: [billing.id] });
    const promoted = await signedIn(db, person.id);
    expect(promoted.role).toBe("agent");
    expect((await callerFor(db, promoted, "es").queue.departments()).map((d) => d.slug)).toEqual(["facturacion"]);
  });
});
