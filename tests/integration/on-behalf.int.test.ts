// Support opens a ticket for a customer after a phone call: the customer is the requester, the agent
// wrote the first message, the thread says it was opened on their behalf by phone; the customer gets
// the usual "ticket created" mail and finds it in Mis Tickets. An agent opens tickets only in their
// departments, and only for a member of the organization chosen.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { deliverOutbox } from "../../server/notifications/outbox";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let salesAgent: SignedIn;
let acme: { id: string };
let globex: { id: string };
let support: { id: number; categoryId: number };

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  globex = await db.organization.findUniqueOrThrow({ where: { name: "Globex" } });
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
  const sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" } });
  salesAgent = await signedIn(
    db,
    (await upsertUser(db, { email: uniqueEmail("ventas"), name: "Vera Ventas", role: "agent", departmentIds: [sales.id] })).id,
  );
});
afterAll(() => world?.close());

const phoneTicket = (overrides: Partial<{ organizationId: string; requesterId: string; departmentId: number }> = {}) => ({
  organizationId: acme.id,
  requesterId: partner.id,
  departmentId: support.id,
  categoryId: support.categoryId,
  subject: "No puede entrar al panel",
  body: "Llamó Paula: el panel le da error 500 desde esta mañana.",
  ...overrides,
});

describe("tickets on a customer's behalf", () => {
  it("an agent opens a phone ticket for a customer, who gets the mail and sees it in Mis Tickets", async () => {
    const opened = await callerFor(db, agent, "es").onBehalf.open(phoneTicket());
    const ticket = await callerFor(db, partner, "es").tickets.get({ ticket: opened.id });
    expect(ticket.requester.id).toBe(partner.id);
    expect(ticket.channel).toBe("phone");
    expect(ticket.organization?.name).toBe("Acme Hosting");
    // The agent wrote the first message; the note says who opened it for the customer and how.
    const first = ticket.messages.find((m) => m.kind === "public");
    expect(first?.author?.name).toBe("Álex Agente");
    expect(first?.body).toBe("Llamó Paula: el panel le da error 500 desde esta mañana.");
    expect(ticket.messages.filter((m) => m.kind === "system").map((m) => [m.event?.kind, m.event?.detail])).toEqual([
      ["opened_on_behalf", "phone"],
    ]);

    const mine = await callerFor(db, partner, "es").tickets.list({});
    expect(mine.items.map((t) => t.id)).toContain(opened.id);

    await deliverOutbox(db);
    const subject = message("es", "Email.ticket.created.subject")
      .replace("{reference}", opened.reference)
      .replace("{subject}", "No puede entrar al panel");
    expect(world.mailbox!.to("partner@demo.test").map((m) => m.subject)).toContain(subject);
  });

  it("the channel may be email", async () => {
    const opened = await callerFor(db, agent).onBehalf.open({ ...phoneTicket(), channel: "email" });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.channel).toBe("email");
    expect(row.requesterId).toBe(partner.id);
  });

  it("an agent outside the department is refused, and nothing is written", async () => {
    const before = await db.ticket.count();
    const error = (await failure(callerFor(db, salesAgent).onBehalf.open(phoneTicket()))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("onBehalfDepartmentNotYours");
    expect(await db.ticket.count()).toBe(before);
  });

  it("a requester outside the organization is refused", async () => {
    const error = (await failure(callerFor(db, agent).onBehalf.open(phoneTicket({ organizationId: globex.id })))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("requesterNotInOrganization");
  });

  it("a customer cannot open tickets for someone else", async () => {
    const error = (await failure(callerFor(db, partner).onBehalf.open(phoneTicket()))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
  });

  it("the requester search finds members of the organization only", async () => {
    const found = await callerFor(db, agent).onBehalf.requesters({ organizationId: acme.id, q: "paula" });
    expect(found.map((u) => u.email)).toEqual(["partner@demo.test"]);
    const none = await callerFor(db, agent).onBehalf.requesters({ organizationId: globex.id, q: "paula" });
    expect(none).toEqual([]);
    const options = await callerFor(db, salesAgent).onBehalf.options();
    expect(options.departments.map((d) => d.slug)).toEqual(["ventas"]);
  });
});
