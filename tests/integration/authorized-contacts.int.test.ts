// An organization's authorized contacts (seed 004: "Martha de Pagos"): an org admin lets someone who
// is not a member open tickets by mail for chosen categories. The contact needs no password, is a
// principal when they act by mail, and sees none of the organization's tickets for being one.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { loadPrincipal } from "../../server/access/principal";
import { hashPassword } from "../../server/auth/password";
import { createTicket } from "../../server/tickets/create-ticket";
import { getTicket } from "../../server/tickets/get-ticket";
import { formatError } from "../../server/trpc/error-format";
import { issueEmailToken } from "../../server/users/email-tokens";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, uniqueEmail } from "../support/factories";

let world: DemoWorld;
let db: Db;
let orgAdmin: SignedIn;
let partner: SignedIn;
let siteAdmin: SignedIn;
let acmeId: string;
/** Facturación's categories "Pagos" and "Facturación", Soporte Técnico's first one. */
let payments: number;
let invoices: number;
let support: { departmentId: number; categoryId: number };

const contacts = (who: SignedIn = orgAdmin) => callerFor(db, who, "es").organizations.contacts;
const refusal = (error: unknown) => ({ code: (error as TRPCError).code, message: formatError(error as TRPCError, "es").message });

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  orgAdmin = await world.login("orgadmin@demo.test");
  partner = await world.login("partner@demo.test");
  siteAdmin = await world.login("admin@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const billing = await db.department.findUniqueOrThrow({ where: { slug: "facturacion" }, include: { categories: true } });
  payments = billing.categories.find((c) => c.name === "Pagos")!.id;
  invoices = billing.categories.find((c) => c.name === "Facturación")!.id;
  const tech = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { departmentId: tech.id, categoryId: tech.categories[0]!.id };
});
afterAll(() => world?.close());

describe("authorized contacts", () => {
  it("an org admin authorizes a new address: an account with no password, acting by mail for those categories only", async () => {
    const email = uniqueEmail("martha");
    const added = await contacts().add({
      organizationId: acmeId,
      email: email.toUpperCase(),
      name: "Martha de Pagos",
      categoryIds: [payments],
    });
    expect(added.created).toBe(true);

    const account = await db.user.findUniqueOrThrow({ where: { email }, include: { permissions: true, memberships: true } });
    expect(account).toMatchObject({
      id: added.userId,
      name: "Martha de Pagos",
      role: "partner",
      passwordHash: null,
      activatedAt: null,
      locale: "es",
    });
    expect(account.permissions.map((p) => p.permission)).toEqual(["can_access_ticketing"]);
    expect(account.memberships).toEqual([]); // a contact is not a member

    const list = await contacts().list({ organizationId: acmeId });
    expect(list.contacts).toContainEqual(
      expect.objectContaining({ userId: added.userId, email, webAccess: false, categoryIds: [payments] }),
    );
    // The categories on offer come grouped by department, for the form.
    expect(list.departments.find((d) => d.categories.some((c) => c.id === payments))?.name).toBe("Facturación");

    // Mail is how a contact acts: the inbound channel loads them though nobody activated the
    // account; a web session or a script does not.
    const byMail = await loadPrincipal(db, added.userId, { kind: "mail", address: email });
    expect(byMail).toMatchObject({ kind: "person", organizations: [], contacts: [{ organizationId: acmeId, categoryIds: [payments] }] });
    expect(await loadPrincipal(db, added.userId)).toBeNull();
    expect(await loadPrincipal(db, added.userId, { kind: "session", sessionId: "00000000-0000-0000-0000-000000000000" })).toBeNull();

    // Being a contact shows none of the organization's tickets (only the ones they open).
    const partnersTicket = await createTicket(
      db,
      partner,
      {
        channel: "web",
        type: "incident",
        departmentId: support.departmentId,
        categoryId: support.categoryId,
        organizationId: acmeId,
        serviceIds: [],
        watcherIds: [],
        subject: "Factura duplicada",
        body: "Nos llegó dos veces la misma factura.",
        requestedPriority: null,
        attachmentIds: [],
        sensitive: null,
      },
      new Date(),
    );
    expect(await failure(getTicket(db, byMail!, partnersTicket.id, "es"))).toMatchObject({ code: "not_found" });
  });

  it("changes a contact's categories and removes the contact, keeping the account", async () => {
    const email = uniqueEmail("contable");
    const { userId } = await contacts().add({ organizationId: acmeId, email, name: "Carla Contable", categoryIds: [payments] });
    await contacts().setCategories({ organizationId: acmeId, userId, categoryIds: [invoices, payments, invoices] });
    const listed = (await contacts().list({ organizationId: acmeId })).contacts.find((c) => c.userId === userId);
    expect(listed?.categoryIds).toEqual([payments, invoices].sort((a, b) => a - b));
    expect((await loadPrincipal(db, userId, { kind: "mail", address: email }))?.contacts[0]?.categoryIds.sort()).toEqual(
      [payments, invoices].sort(),
    );

    await contacts().remove({ organizationId: acmeId, userId });
    expect((await contacts().list({ organizationId: acmeId })).contacts.map((c) => c.userId)).not.toContain(userId);
    expect((await loadPrincipal(db, userId, { kind: "mail", address: email }))?.contacts).toEqual([]);
    expect(await db.user.count({ where: { id: userId } })).toBe(1);
    // Changing a contact that is gone says so.
    expect(refusal(await failure(contacts().setCategories({ organizationId: acmeId, userId, categoryIds: [payments] })))).toEqual({
      code: "NOT_FOUND",
      message: "Esa persona ya no es un contacto autorizado de la organización.",
    });
  });

  it("refuses a member of the organization, support staff, an address already a contact and unknown or no categories", async () => {
    const member = refusal(
      await failure(contacts().add({ organizationId: acmeId, email: "partner@demo.test", name: "Paula", categoryIds: [payments] })),
    );
    expect(member.code).toBe("CONFLICT");
    expect(member.message).toContain("ya es miembro");
    expect(member.message).toContain("partner@demo.test");

    const staff = refusal(
      await failure(contacts().add({ organizationId: acmeId, email: "agent@demo.test", name: "Álex", categoryIds: [payments] })),
    );
    expect(staff).toEqual({
      code: "CONFLICT",
      message: "agent@demo.test pertenece al equipo de soporte y no puede ser contacto de una organización.",
    });

    const email = uniqueEmail("dos-veces");
    await contacts().add({ organizationId: acmeId, email, name: "Dos Veces", categoryIds: [payments] });
    expect(refusal(await failure(contacts().add({ organizationId: acmeId, email, name: "Dos Veces", categoryIds: [invoices] }))).code).toBe(
      "CONFLICT",
    );

    const fresh = uniqueEmail("nadie");
    const unknown = refusal(
      await failure(contacts().add({ organizationId: acmeId, email: fresh, name: "Nadie", categoryIds: [payments, 999_999] })),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    const none = await failure(contacts().add({ organizationId: acmeId, email: fresh, name: "Nadie", categoryIds: [] }));
    expect(formatError(none as TRPCError, "es").fieldErrors).toEqual({ categoryIds: "Elige al menos una categoría." });
    // Nothing was made for the refused address.
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
  });

  it("a person of another organization keeps their account as it is; an unconfirmed registration loses its password", async () => {
    const gloria = await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } });
    const added = await contacts().add({ organizationId: acmeId, email: gloria.email, name: "Otro nombre", categoryIds: [invoices] });
    expect(added).toEqual({ userId: gloria.id, created: false });
    const after = await db.user.findUniqueOrThrow({ where: { id: gloria.id } });
    expect({ name: after.name, passwordHash: after.passwordHash, activatedAt: after.activatedAt }).toEqual({
      name: gloria.name,
      passwordHash: gloria.passwordHash,
      activatedAt: gloria.activatedAt,
    });
    expect((await contacts().list({ organizationId: acmeId })).contacts.find((c) => c.userId === gloria.id)?.webAccess).toBe(true);

    // Someone registered the address with a password of their choosing and never confirmed it: the
    // contact's tickets must not be reachable with that password, nor with the link sent for it.
    const email = uniqueEmail("registro");
    const pending = await db.user.create({
      data: { email, name: "Quien registró", passwordHash: await hashPassword("a password someone chose") },
    });
    await issueEmailToken(db, pending.id, "activation", new Date());
    await contacts().add({ organizationId: acmeId, email, name: "Rita de Sistemas", categoryIds: [support.categoryId] });
    const wiped = await db.user.findUniqueOrThrow({ where: { id: pending.id }, include: { tokens: true } });
    expect({ name: wiped.name, passwordHash: wiped.passwordHash }).toEqual({ name: "Rita de Sistemas", passwordHash: null });
    expect(wiped.tokens.map((token) => token.usedAt !== null)).toEqual([true]);
  });

  it("only the organization's admins and Mesa admins manage its contacts", async () => {
    const globexMember = await world.login("partner2@demo.test");
    for (const who of [partner, globexMember]) {
      expect(refusal(await failure(contacts(who).list({ organizationId: acmeId }))).code).toBe("FORBIDDEN");
      expect(
        refusal(await failure(contacts(who).add({ organizationId: acmeId, email: uniqueEmail("x"), name: "X", categoryIds: [payments] })))
          .code,
      ).toBe("FORBIDDEN");
    }
    const byAdmin = await contacts(siteAdmin).add({
      organizationId: acmeId,
      email: uniqueEmail("por-admin"),
      name: "Por Admin",
      categoryIds: [payments],
    });
    expect((await contacts(siteAdmin).list({ organizationId: acmeId })).contacts.map((c) => c.userId)).toContain(byAdmin.userId);
  });
});
