// Call requests as support's work: staff see the number, the window (with the zone of the customer
// who asked) and the comment; marking a call handled is support's only, once, and leaves a system
// note the customer reads; the open calls of an agent's departments form a queue, soonest first.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { message } from "../support/messages";
import { callerFor, failure, openAcmeTicket, signedIn, uniqueEmail, type SignedIn } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let salesAgent: SignedIn;

const HOUR = 3_600_000;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  await db.user.update({ where: { email: "partner@demo.test" }, data: { timeZone: "America/Mexico_City" } });
  await db.user.update({ where: { email: "agent@demo.test" }, data: { timeZone: "Europe/Madrid" } });
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  const sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" } });
  const other = await upsertUser(db, { email: uniqueEmail("ventas"), name: "Vera Ventas", role: "agent", departmentIds: [sales.id] });
  salesAgent = await signedIn(db, other.id);
});
afterAll(() => world?.close());

/** A ticket of Acme in Soporte Técnico with a call asked for `inHours` from now. */
async function ticketWithCall(subject: string, inHours: number, note: string | null = "Mejor por la tarde, extensión 12") {
  const ticket = await openAcmeTicket(db, partner, subject, "Necesito que me llamen.");
  const start = new Date(Date.now() + inHours * HOUR);
  const call = await callerFor(db, partner).tickets.requestCall({
    ticket: ticket.id,
    phone: "+52 55 1234 5678",
    windowStart: start,
    windowEnd: new Date(+start + 2 * HOUR),
    note,
  });
  return { ticket, call, start };
}

describe("call requests as support's work", () => {
  it("staff see the number, the window, the customer's zone and the comment; the customer sees no zone of anyone", async () => {
    const { ticket, start } = await ticketWithCall("Llamadme", 24);
    const seen = await callerFor(db, agent).tickets.get({ ticket: ticket.id });
    expect(seen.callRequests).toHaveLength(1);
    expect(seen.callRequests[0]).toMatchObject({
      phone: "+52 55 1234 5678",
      windowStart: start,
      windowEnd: new Date(+start + 2 * HOUR),
      note: "Mejor por la tarde, extensión 12",
      requesterTimeZone: "America/Mexico_City",
      handledAt: null,
      outcome: null,
    });
    // The agent's own zone is their profile's (the page renders the window in both).
    expect(agent.timeZone).toBe("Europe/Madrid");
    const own = await callerFor(db, partner).tickets.get({ ticket: ticket.id });
    expect(own.callRequests[0]).toMatchObject({ note: "Mejor por la tarde, extensión 12", handledAt: null });
    expect(own.callRequests[0]).not.toHaveProperty("requesterTimeZone");
  });

  it("a customer cannot mark a call handled", async () => {
    const { call } = await ticketWithCall("Llamada pendiente", 25);
    const error = (await failure(callerFor(db, partner).calls.handle({ callId: call.id, outcome: "Hecho" }))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
    const row = await db.callRequest.findUniqueOrThrow({ where: { id: call.id } });
    expect(row.handledAt).toBeNull();
  });

  it("handling records the outcome as a note the customer sees; a second time is refused", async () => {
    const { ticket, call } = await ticketWithCall("Llamada atendida", 26);
    await callerFor(db, agent, "es").calls.handle({ callId: call.id, outcome: "Le guié para cambiar la contraseña del correo." });

    const own = await callerFor(db, partner, "es").tickets.get({ ticket: ticket.id });
    expect(own.callRequests[0]).toMatchObject({
      outcome: "Le guié para cambiar la contraseña del correo.",
      handledBy: { id: agent.id, name: "Álex Agente" },
    });
    expect(own.callRequests[0]?.handledAt).toBeInstanceOf(Date);
    const note = own.messages.find((m) => m.event?.kind === "call_handled");
    expect(note?.kind).toBe("system");
    expect(note?.event?.detail).toBe("Le guié para cambiar la contraseña del correo.");
    expect(note?.author?.name).toBe("Álex Agente");

    const again = (await failure(callerFor(db, agent, "es").calls.handle({ callId: call.id, outcome: "Otra vez" }))) as TRPCError;
    expect(again.code).toBe("CONFLICT");
    // The key of the refusal the page shows translated ("Esa llamada ya se marcó como atendida.").
    expect(again.message).toBe("callAlreadyHandled");
    expect(message("es", "Errors.callAlreadyHandled")).toBe("Esa llamada ya se marcó como atendida.");
    const row = await db.callRequest.findUniqueOrThrow({ where: { id: call.id } });
    expect(row.outcome).toBe("Le guié para cambiar la contraseña del correo.");
    expect(await db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "call_handled" } })).toBe(1);
  });

  it("an empty outcome is refused and nothing is recorded", async () => {
    const { call } = await ticketWithCall("Sin resultado", 27);
    const error = (await failure(callerFor(db, agent).calls.handle({ callId: call.id, outcome: "  " }))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect((await db.callRequest.findUniqueOrThrow({ where: { id: call.id } })).handledAt).toBeNull();
  });

  it("calls.open lists the pending calls of the agent's departments, soonest window first", async () => {
    const later = await ticketWithCall("Llamada más tarde", 50);
    const sooner = await ticketWithCall("Llamada antes", 2, null);
    const done = await ticketWithCall("Llamada hecha", 1);
    await callerFor(db, agent).calls.handle({ callId: done.call.id, outcome: "Resuelto por teléfono" });

    const open = await callerFor(db, agent).calls.open();
    const ids = open.map((c) => c.id);
    expect(ids).toContain(sooner.call.id);
    expect(ids).toContain(later.call.id);
    expect(ids).not.toContain(done.call.id);
    expect(ids.indexOf(sooner.call.id)).toBeLessThan(ids.indexOf(later.call.id));
    const starts = open.map((c) => +c.windowStart);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(open.find((c) => c.id === sooner.call.id)).toMatchObject({
      phone: "+52 55 1234 5678",
      note: null,
      requester: { name: "Paula Partner", timeZone: "America/Mexico_City" },
      ticket: { reference: sooner.ticket.reference, subject: "Llamada antes", organization: { name: "Acme Hosting" } },
    });

    // An agent of another department has none of these to make; a customer has no such queue.
    expect(await callerFor(db, salesAgent).calls.open()).toEqual([]);
    expect(((await failure(callerFor(db, partner).calls.open())) as TRPCError).code).toBe("FORBIDDEN");
  });
});
