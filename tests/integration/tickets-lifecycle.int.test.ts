// The partner's ticket lifecycle through the procedures the UI calls: create, reply, edit, watch,
// mute, escalate, call, close (refused before resolved), resolve by support, close, rate, reopen.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure } from "../support/factories";
import { deliverOutbox } from "../../server/notifications/outbox";
import type { Mailbox } from "../support/mailbox";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let orgAdmin: SignedIn;
let agent: SignedIn;
let support: { departmentId: number; categoryId: number };
let acme: { id: string; serviceId: string };
let mailbox: Mailbox;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
  [partner, orgAdmin, agent] = (await Promise.all(["partner@demo.test", "orgadmin@demo.test", "agent@demo.test"].map(world.login))) as [
    SignedIn,
    SignedIn,
    SignedIn,
  ];
  const department = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { departmentId: department.id, categoryId: department.categories[0]!.id };
  const org = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" }, include: { services: true } });
  acme = { id: org.id, serviceId: org.services[0]!.id };
});
afterAll(() => world?.close());

const newTicket = (over: Record<string, unknown> = {}) => ({
  type: "incident" as const,
  departmentId: support.departmentId,
  categoryId: support.categoryId,
  organizationId: acme.id,
  serviceIds: [acme.serviceId],
  subject: "La web devuelve error 500",
  description: "Desde esta mañana la página de inicio devuelve un error 500 al cargar.",
  watcherIds: [orgAdmin.id],
  ...over,
});

describe("creating a ticket", () => {
  it("numbers it TK-NNNNNN, starts it New with the description as first message and the watchers set", async () => {
    const created = await callerFor(db, partner, "es").tickets.create(newTicket());
    expect(created.reference).toMatch(/^TK-\d{6}$/);
    const ticket = await callerFor(db, partner, "es").tickets.get({ ticket: created.reference });
    expect(ticket.status).toBe("new");
    expect(ticket.priority).toBe("medium"); // no rule matches: the default
    expect(ticket.messages.filter((m) => m.kind === "public").map((m) => m.body)).toEqual([newTicket().description]);
    expect(ticket.watchers.map((w) => w.id)).toEqual([orgAdmin.id]);
    expect(ticket.services.map((s) => s.id)).toEqual([acme.serviceId]);
  });

  it("gives concurrent tickets distinct numbers", async () => {
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => callerFor(db, partner).tickets.create(newTicket({ subject: `Concurrent ${i}` }))),
    );
    expect(new Set(made.map((t) => t.number)).size).toBe(8);
  });

  it("applies the priority rule table and ignores a customer's own choice under the default policy", async () => {
    await db.priorityRule.create({ data: { type: "incident", categoryId: support.categoryId, priority: "high" } });
    const created = await callerFor(db, partner).tickets.create(newTicket({ priority: "critical" }));
    expect((await callerFor(db, partner).tickets.get({ ticket: created.id })).priority).toBe("high");
    await db.priorityRule.deleteMany();
  });

  it.each([
    ["an empty title", { subject: "   " }, "subject", "Validation.required"],
    ["a 10 MB description", { description: "x".repeat(10 * 1024 * 1024) }, "description", "Validation.tooLong"],
  ])("refuses %s with a translated field error and writes nothing", async (_label, over, field, key) => {
    const before = await db.ticket.count();
    const error = (await failure(callerFor(db, partner, "es").tickets.create(newTicket(over)))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    const { formatError } = await import("../../server/trpc/error-format");
    expect(formatError(error, "es").fieldErrors?.[field]).toBe(message("es", key));
    expect(await db.ticket.count()).toBe(before);
  });

  it.each([
    ["an unknown department", () => ({ departmentId: 9999 }), "departmentUnknown"],
    [
      "a service of another organization",
      async () => ({ serviceIds: [(await db.service.findFirstOrThrow({ where: { organization: { name: "Globex" } } })).id] }),
      "serviceNotInOrganization",
    ],
    [
      "an interested user of another organization",
      async () => ({ watcherIds: [(await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } })).id] }),
      "watcherNotInOrganization",
    ],
  ])("refuses %s in the caller's language and writes nothing", async (_label, over, key) => {
    const before = await db.ticket.count();
    const error = (await failure(callerFor(db, partner, "fr").tickets.create(newTicket(await over())))) as TRPCError;
    const { formatError } = await import("../../server/trpc/error-format");
    expect(formatError(error, "fr").message).toBe(message("fr", `Errors.${key}`));
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("following a ticket", () => {
  it("replies, edits with history, mutes and unmutes, escalates and asks for a call", async () => {
    const api = callerFor(db, partner, "es");
    const { id } = await api.tickets.create(newTicket({ subject: "Seguimiento completo" }));
    const reply = await api.tickets.reply({ ticket: id, body: "Más datos: pasa en todas las páginas." });
    await api.tickets.editMessage({ messageId: reply.id, body: "Más datos: pasa en todas las páginas y en el panel." });
    await api.tickets.setMuted({ ticket: id, muted: true });
    expect((await api.tickets.get({ ticket: id })).muted).toBe(true);
    await api.tickets.setMuted({ ticket: id, muted: false });
    await api.tickets.escalate({ ticket: id, reason: "Perdemos ventas" });
    const start = new Date(Date.now() + 86_400_000);
    await api.tickets.requestCall({
      ticket: id,
      phone: "+34 600 111 222",
      windowStart: start,
      windowEnd: new Date(start.getTime() + 7_200_000),
    });

    const ticket = await api.tickets.get({ ticket: id });
    expect(ticket.muted).toBe(false);
    expect(ticket.escalatedAt).not.toBeNull();
    const edited = ticket.messages.find((m) => m.id === reply.id)!;
    expect(edited.body).toContain("y en el panel");
    expect(edited.editedAt).not.toBeNull();
    expect(edited.versions.map((v) => v.body)).toEqual(["Más datos: pasa en todas las páginas."]);
    expect(ticket.messages.filter((m) => m.kind === "system").map((m) => m.event?.kind)).toEqual(["escalated", "call_requested"]);
    expect(ticket.callRequests[0]?.phone).toBe("+34 600 111 222");

    // Escalating tells the department's agents by email, in each agent's own language.
    // The escalation mail went to the outbox with the event; the worker sends it.
    await deliverOutbox(db);
    const [mail] = mailbox.to("agent@demo.test").filter((m) => m.subject?.startsWith("Escalado"));
    expect(mail?.subject).toBe(
      message("es", "Email.escalated.subject").replace("{reference}", ticket.reference).replace("{subject}", "Seguimiento completo"),
    );
    expect(mail?.text).toContain("Perdemos ventas");
    expect(mail?.text).toContain(`/es/agent/tickets/${ticket.reference}`);
  });

  it("lets nobody edit another person's message", async () => {
    const { id } = await callerFor(db, partner).tickets.create(newTicket());
    const first = (await callerFor(db, partner).tickets.get({ ticket: id })).messages[0]!;
    const error = (await failure(callerFor(db, orgAdmin).tickets.editMessage({ messageId: first.id, body: "changed" }))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
  });

  it("adds and removes interested users of the organization only", async () => {
    const api = callerFor(db, partner);
    const { id } = await api.tickets.create(newTicket({ watcherIds: [] }));
    await api.tickets.addWatcher({ ticket: id, userId: orgAdmin.id });
    expect((await api.tickets.get({ ticket: id })).watchers.map((w) => w.id)).toEqual([orgAdmin.id]);
    await api.tickets.removeWatcher({ ticket: id, userId: orgAdmin.id });
    expect((await api.tickets.get({ ticket: id })).watchers).toEqual([]);
    const outsider = await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } });
    expect(((await failure(api.tickets.addWatcher({ ticket: id, userId: outsider.id }))) as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("closing, rating and reopening", () => {
  it("refuses a customer's close before support resolves, then closes, rates, reopens and keeps the history", async () => {
    const api = callerFor(db, partner, "es");
    const { id } = await api.tickets.create(newTicket({ subject: "Ciclo completo" }));
    await api.tickets.reply({ ticket: id, body: "Un dato más" });

    const refused = (await failure(api.tickets.close({ ticket: id }))) as TRPCError;
    expect(refused.code).toBe("CONFLICT");
    const { formatError } = await import("../../server/trpc/error-format");
    expect(formatError(refused, "es").message).toBe(message("es", "Errors.closeBeforeResolved"));

    await callerFor(db, agent).tickets.reply({ ticket: id, body: "Lo hemos corregido." });
    await callerFor(db, agent).tickets.setStatus({ ticket: id, status: "resolved" });
    expect((await api.tickets.close({ ticket: id })).status).toBe("closed");
    await api.tickets.rate({ ticket: id, stars: 4, comment: "Rápido" });
    expect((await api.tickets.get({ ticket: id })).rating).toEqual({ stars: 4, comment: "Rápido" });
    await api.tickets.rate({ ticket: id, stars: 5 }); // changeable until reopened
    expect((await api.tickets.get({ ticket: id })).rating?.stars).toBe(5);

    expect((await api.tickets.reopen({ ticket: id })).status).toBe("reopened");
    const ticket = await api.tickets.get({ ticket: id });
    expect(ticket.status).toBe("reopened");
    expect(ticket.rating).toBeNull(); // a new cycle: the next close may be rated again
    expect(ticket.messages.filter((m) => m.kind === "public").map((m) => m.body)).toEqual([
      newTicket().description,
      "Un dato más",
      "Lo hemos corregido.",
    ]);
    expect(ticket.messages.filter((m) => m.kind === "system").map((m) => [m.event?.before, m.event?.after])).toEqual([
      [null, "Álex Agente"], // the agent's reply took the unassigned ticket
      ["new", "open"],
      ["open", "resolved"],
      ["resolved", "closed"],
      ["closed", "reopened"],
    ]);
    expect(await db.rating.count({ where: { ticketId: id } })).toBe(1);
  });

  it("moves a ticket awaiting the customer back to In progress when the customer replies", async () => {
    const { id } = await callerFor(db, partner).tickets.create(newTicket());
    await callerFor(db, agent).tickets.setStatus({ ticket: id, status: "pending_customer" });
    expect((await callerFor(db, partner).tickets.reply({ ticket: id, body: "Aquí está" })).status).toBe("open");
  });

  it("hides internal notes from partners and lets only staff write them", async () => {
    const { id } = await callerFor(db, partner).tickets.create(newTicket());
    await callerFor(db, agent).tickets.reply({ ticket: id, body: "Nota interna: revisar el servidor 3", internal: true });
    expect((await callerFor(db, agent).tickets.get({ ticket: id })).messages.some((m) => m.kind === "internal")).toBe(true);
    expect((await callerFor(db, partner).tickets.get({ ticket: id })).messages.some((m) => m.body.includes("servidor 3"))).toBe(false);
    expect(((await failure(callerFor(db, partner).tickets.reply({ ticket: id, body: "x", internal: true }))) as TRPCError).code).toBe(
      "FORBIDDEN",
    );
    expect(((await failure(callerFor(db, partner).tickets.setStatus({ ticket: id, status: "resolved" }))) as TRPCError).code).toBe(
      "FORBIDDEN",
    );
  });
});
