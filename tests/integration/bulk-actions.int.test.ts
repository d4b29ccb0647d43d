// Bulk actions from the queue, through a real SMTP server on loopback: three tickets assigned and
// tagged at once each get their own history entries, each ticket's watchers are told once (one
// mail per ticket, listing both changes; the tag line only for staff), a ticket outside the agent's
// departments is refused while the others change, and tags reach the export and the REST API for
// support only — never a customer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { deliverOutbox } from "../../server/notifications/outbox";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, makeUser, signedIn, type SignedIn } from "../support/factories";
import { useDatabase } from "../support/http";
import { message } from "../support/messages";
import { rest, tokenOf } from "../support/rest";
import { todayIn } from "../support/calendar-day";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let admin: SignedIn;
let colleague: SignedIn;
let support: { id: number; categoryId: number };
let sales: { id: number; categoryId: number };
let acme: { id: string };

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  useDatabase(world.database);
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  admin = await world.login("admin@demo.test");
  acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const c = await upsertUser(db, { email: "carla.bulk@example.test", name: "Carla Colega", locale: "pt", organizationId: acme.id });
  colleague = await signedIn(db, c.id);
  const dept = async (slug: string) => {
    const d = await db.department.findUniqueOrThrow({ where: { slug }, include: { categories: true } });
    return { id: d.id, categoryId: d.categories[0]!.id };
  };
  support = await dept("soporte-tecnico");
  sales = await dept("ventas");
});
afterAll(() => world?.close());

const open = async (subject: string, department = support) => {
  const created = await callerFor(db, partner, "es").tickets.create({
    type: "request",
    departmentId: department.id,
    categoryId: department.categoryId,
    organizationId: acme.id,
    serviceIds: [],
    watcherIds: [colleague.id],
    subject,
    description: "Detalle del caso.",
  });
  // Support follows it too (staff watchers read the staff-only lines).
  await db.watcher.create({ data: { ticketId: created.id, userId: admin.id } });
  return { ...created, subject };
};
const mailsAbout = (reference: string, to: string) => world.mailbox!.to(to).filter((m) => m.subject?.includes(`[${reference}]`));

describe("bulk actions", () => {
  it("assign and tag three tickets at once: own history, one mail per watcher per ticket, the foreign one refused", async () => {
    const tickets = [await open("Bulk uno"), await open("Bulk dos"), await open("Bulk tres")];
    const foreign = await open("Bulk ventas", sales);
    // The agent follows the Ventas ticket (so sees it) but does not work in Ventas.
    await db.watcher.create({ data: { ticketId: foreign.id, userId: agent.id } });
    await deliverOutbox(db);
    world.mailbox!.received.splice(0); // the "created" mails: what follows is the bulk change's

    const result = await callerFor(db, agent, "es").tickets.bulk({
      tickets: [...tickets.map((t) => t.reference), foreign.reference, "TK-999999"],
      assigneeId: agent.id,
      addTags: ["VIP  Bulk", "migración"],
    });
    expect(result.changed).toBe(3);
    expect(result.results.filter((r) => r.ok).map((r) => r.ticket)).toEqual(tickets.map((t) => t.reference));
    const refused = result.results.filter((r) => !r.ok);
    expect(refused).toEqual([
      { ticket: foreign.reference, ok: false, code: "forbidden", message: message("es", "Errors.bulkNotYourDepartment") },
      { ticket: "TK-999999", ok: false, code: "not_found", message: message("es", "Errors.ticketNotFound") },
    ]);

    for (const t of tickets) {
      const view = await callerFor(db, agent, "es").tickets.get({ ticket: t.reference });
      expect(view.assignee?.id).toBe(agent.id);
      expect(view.tags).toEqual(["migración", "vip bulk"]);
      const events = await db.ticketEvent.findMany({ where: { ticketId: t.id, kind: { in: ["assigned", "tags_changed"] } } });
      expect(events.map((e) => e.kind).sort()).toEqual(["assigned", "tags_changed"]);
      expect(events.find((e) => e.kind === "tags_changed")).toMatchObject({ after: "migración, vip bulk", staffOnly: true });
    }
    const untouched = await db.ticket.findUniqueOrThrow({ where: { id: foreign.id }, include: { tags: true } });
    expect(untouched.assigneeId).toBeNull();
    expect(untouched.tags).toEqual([]);

    await deliverOutbox(db);
    for (const t of tickets) {
      const toAdmin = mailsAbout(t.reference, "admin@demo.test");
      const changeSubject = (locale: "es" | "pt") =>
        message(locale, "Bulk.changeMail.subject").replace("{reference}", t.reference).replace("{subject}", t.subject);
      expect(toAdmin).toHaveLength(1);
      expect(toAdmin[0]!.subject).toBe(changeSubject("es"));
      expect(toAdmin[0]!.text).toContain("Álex Agente");
      expect(toAdmin[0]!.text).toContain("vip bulk");
      // The colleague (a customer, in Portuguese) hears of this change once.
      const changeMails = mailsAbout(t.reference, "carla.bulk@example.test");
      expect(changeMails.map((m) => m.subject)).toEqual([changeSubject("pt")]);
      // Tags are support's: the customer's copy tells of the assignment only.
      expect(changeMails[0]!.text).toContain("Álex Agente");
      expect(changeMails[0]!.text).not.toContain("vip bulk");
      // The acting agent is not told of their own change.
      expect(mailsAbout(t.reference, "agent@demo.test")).toHaveLength(0);
    }
    expect(mailsAbout(foreign.reference, "admin@demo.test")).toHaveLength(0);
  });

  it("the bar's choices: a chosen colleague, a department and a priority for all; an assignee foreign to a ticket's department refused on that ticket", async () => {
    const ana = await makeUser(db, { role: "agent", label: "Ana Soporte", departmentIds: [support.id] });
    const vera = await makeUser(db, { role: "agent", label: "Vera Ventas", departmentIds: [sales.id] });
    // The agent works Soporte Técnico only: Ana is offered, Vera (Ventas only) is not; admins are.
    const offered = (await callerFor(db, agent, "es").queue.agents()).map((a) => a.name);
    expect(offered).toContain(ana.name);
    expect(offered).not.toContain(vera.name);
    expect(offered).toContain("Ada Admin");
    expect(await failure(callerFor(db, partner, "es").queue.agents())).toMatchObject({ code: "FORBIDDEN" });
    // The admin works every department and is offered everyone.
    expect((await callerFor(db, admin, "es").queue.agents()).map((a) => a.name)).toEqual(expect.arrayContaining([ana.name, vera.name]));

    const tickets = [await open("Bloque A"), await open("Bloque B")];
    const refs = tickets.map((t) => t.reference);
    const toAna = await callerFor(db, agent, "es").tickets.bulk({ tickets: refs, assigneeId: ana.id });
    expect(toAna.changed).toBe(2);
    for (const t of tickets) expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(ana.id);

    const moved = await callerFor(db, admin, "es").tickets.bulk({ tickets: refs, departmentId: sales.id, priority: "urgent" });
    expect(moved.changed).toBe(2);
    for (const t of tickets) {
      const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      // Ana does not work Ventas: the move releases her, as a transfer on the ticket's page does.
      expect(row).toMatchObject({ departmentId: sales.id, priority: "urgent", assigneeId: null });
      const kinds = (
        await db.ticketEvent.findMany({ where: { ticketId: t.id, kind: { in: ["department_changed", "priority_changed"] } } })
      ).map((e) => e.kind);
      expect(kinds.sort()).toEqual(["department_changed", "priority_changed"]);
    }

    // Ana works Soporte only: assigning her the Ventas tickets is refused ticket by ticket, with the reason.
    const refused = await callerFor(db, admin, "es").tickets.bulk({ tickets: refs, assigneeId: ana.id });
    expect(refused.changed).toBe(0);
    expect(refused.results).toEqual(
      refs.map((ticket) => ({ ticket, ok: false, code: "invalid_input", message: message("es", "Errors.assigneeNotInDepartment") })),
    );
  });

  it("tags are staff-only: customers cannot change or read them, in the panel, the export or the API", async () => {
    const ticket = await open("Etiquetas privadas");
    const changed = await callerFor(db, agent, "es").tickets.tags.change({ ticket: ticket.reference, add: ["Facturación"], remove: [] });
    expect(changed.tags).toEqual(["facturación"]);
    const suggested = await callerFor(db, agent, "es").tickets.tags.suggest({ q: "fact" });
    expect(suggested.map((s) => s.name)).toContain("facturación");

    expect(
      await failure(callerFor(db, partner, "es").tickets.tags.change({ ticket: ticket.reference, add: ["x"], remove: [] })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failure(callerFor(db, partner, "es").tickets.tags.suggest({ q: "" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(callerFor(db, partner, "es").tickets.bulk({ tickets: [ticket.reference], addTags: ["x"] }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const asCustomer = await callerFor(db, partner, "es").tickets.get({ ticket: ticket.reference });
    expect("tags" in asCustomer).toBe(false);
    expect(JSON.stringify(asCustomer)).not.toContain("facturación");

    const today = todayIn();
    const exported = async (who: SignedIn) => {
      const parts: Buffer[] = [];
      for await (const chunk of await callerFor(db, who, "es").tickets.export({
        format: "csv",
        from: "2000-01-01",
        to: today,
        fields: ["number", "tags"],
      }))
        if (chunk.kind !== "start") parts.push(Buffer.from(chunk.base64, "base64"));
      return Buffer.concat(parts).toString("utf8");
    };
    const staffCsv = await exported(agent);
    expect(staffCsv).toContain(message("es", "Export.fields.tags"));
    expect(staffCsv).toMatch(new RegExp(`${ticket.reference},facturación`));
    const customerCsv = await exported(partner);
    expect(customerCsv).toContain(ticket.reference);
    expect(customerCsv).not.toContain(message("es", "Export.fields.tags"));
    expect(customerCsv).not.toContain("facturación");

    const agentToken = await tokenOf(db, agent);
    const partnerToken = await tokenOf(db, partner);
    const set = await rest("POST", `/tickets/api/tickets/${ticket.reference}/tags/`, {
      token: agentToken,
      json: { tags: ["Urgente Cliente", "vip"] },
    });
    expect(set.status).toBe(200);
    expect(set.body.tags).toEqual(["urgente cliente", "vip"]);
    const asAgent = await rest("GET", `/tickets/api/tickets/${ticket.reference}/`, { token: agentToken });
    expect(asAgent.body.tags).toEqual(["urgente cliente", "vip"]);
    const asPartner = await rest("GET", `/tickets/api/tickets/${ticket.reference}/`, { token: partnerToken });
    expect(asPartner.status).toBe(200);
    expect("tags" in asPartner.body).toBe(false);
    const refused = await rest("POST", `/tickets/api/tickets/${ticket.reference}/tags/`, { token: partnerToken, json: { tags: ["x"] } });
    expect(refused.status).toBe(403);
  });
});
