// Admin > Organizations through the procedures: only admins; an admin creates an organization with
// a calendar and a service and adds a member, who then opens a ticket for it choosing the service;
// search by part of the name; a duplicate name is refused in the admin's language; a service or an
// organization that tickets refer to is deactivated or archived instead of deleted, and then offered
// no more.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, makeUser, signedIn, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let partner: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  partner = await world.login("partner@demo.test");
});
afterAll(() => world?.close());

const api = (locale: "es" | "en" | "pt" | "fr" = "es") => callerFor(db, admin, locale).admin.organizations;

describe("Admin > Organizations", () => {
  it("is for admins only", async () => {
    const theirs = callerFor(db, partner, "es").admin.organizations;
    for (const call of [theirs.search({ q: "" }), theirs.create({ name: "Intrusa S.A.", membersSeeAllTickets: false, calendarId: null })]) {
      expect((await failure(call)) as TRPCError).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.organization.findFirst({ where: { name: "Intrusa S.A." } })).toBeNull();
  });

  it("sets up a customer whose new member opens a ticket for a service of theirs", async () => {
    const calendar = await db.businessCalendar.findFirstOrThrow();
    const org = await api().create({ name: "Initech Cloud", membersSeeAllTickets: true, calendarId: calendar.id });
    const vps = await api().createService({
      organizationId: org.id,
      name: "VPS producción",
      kind: "vps",
      identifier: "vps-17.initech.example",
    });
    const member = await signedIn(db, (await makeUser(db, { label: "initech" })).id);
    expect(
      await callerFor(db, admin, "es").organizations.invite({ organizationId: org.id, email: member.email, role: "admin", locale: "es" }),
    ).toEqual({
      invited: false,
    });

    expect((await api().search({ q: "initech" })).organizations.map((o) => o.name)).toEqual(["Initech Cloud"]);
    const detail = await api().get({ id: org.id });
    expect(detail).toMatchObject({
      calendarId: calendar.id,
      membersSeeAllTickets: true,
      services: [{ name: "VPS producción", kind: "vps", identifier: "vps-17.initech.example", active: true }],
    });

    const asMember = callerFor(db, await signedIn(db, member.id), "en");
    const offered = (await asMember.tickets.formOptions()).organizations.find((o) => o.id === org.id)!;
    expect(offered.services).toEqual([{ id: vps.id, name: "VPS producción", kind: "vps", identifier: "vps-17.initech.example" }]);
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
    const ticket = await asMember.tickets.create({
      type: "incident",
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: org.id,
      serviceIds: [vps.id],
      watcherIds: [],
      subject: "The VPS does not boot",
      description: "It hangs at the boot loader.",
    });
    expect((await asMember.tickets.get({ ticket: ticket.reference })).services).toEqual([
      expect.objectContaining({ id: vps.id, name: "VPS producción" }),
    ]);

    // The service is named by a ticket: removing it deactivates it, and new tickets no longer offer it.
    expect(await api().removeService({ id: vps.id })).toEqual({ outcome: "archived" });
    expect((await asMember.tickets.formOptions()).organizations.find((o) => o.id === org.id)!.services).toEqual([]);
    // The organization has a ticket: removing it archives it; it opens no new ticket.
    expect(await api().remove({ id: org.id })).toEqual({ outcome: "archived" });
    const refused = (await failure(
      asMember.tickets.create({
        type: "incident",
        departmentId: support.id,
        categoryId: support.categories[0]!.id,
        organizationId: org.id,
        serviceIds: [],
        watcherIds: [],
        subject: "Again",
        description: "Still broken.",
      }),
    )) as TRPCError;
    expect(formatError(refused, "en").message).toBe(message("en", "Errors.organizationArchived"));
    expect((await asMember.tickets.get({ ticket: ticket.reference })).organization?.name).toBe("Initech Cloud");
  });

  it("refuses a second organization with the same name and deletes one without tickets", async () => {
    const error = (await failure(api("pt").create({ name: "Acme Hosting", membersSeeAllTickets: false, calendarId: null }))) as TRPCError;
    expect(formatError(error, "pt").message).toBe(message("pt", "Errors.alreadyExists"));
    const empty = await api().create({ name: "Vacía SL", membersSeeAllTickets: false, calendarId: null });
    const service = await api().createService({ organizationId: empty.id, name: "Dominio", kind: "domain", identifier: "vacia.example" });
    expect(await api().removeService({ id: service.id })).toEqual({ outcome: "deleted" });
    expect(await api().remove({ id: empty.id })).toEqual({ outcome: "deleted" });
    expect(await db.organization.findUnique({ where: { id: empty.id } })).toBeNull();
  });
});
