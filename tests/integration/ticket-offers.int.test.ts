// The ticket page offers only what the server would accept: `offers` on tickets.get comes from the
// same state machine and guards as the procedures, so at each step of a ticket's life every offered
// action succeeds and every withheld one is refused.
import type { SignedIn } from "../support/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, openAcmeTicket } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  [partner, agent] = (await Promise.all(["partner@demo.test", "agent@demo.test"].map(world.login))) as [SignedIn, SignedIn];
});
afterAll(() => world?.close());

const offersOf = async (who: SignedIn, ticket: string) => (await callerFor(db, who, "es").tickets.get({ ticket })).offers;
const call = (ticket: string) => {
  const start = new Date(Date.now() + 86_400_000);
  return { ticket, phone: "+34 600 111 222", windowStart: start, windowEnd: new Date(start.getTime() + 3_600_000) };
};

describe("what the ticket page offers", () => {
  it("follows a ticket from new to closed and reopened, offering exactly what the server accepts", async () => {
    const { id } = await openAcmeTicket(db, partner, "La web no carga", "Error 500 en la portada");
    const api = callerFor(db, partner, "es");

    // New: no close (support has not resolved it), no reopen, no rating; escalation and calls yes.
    expect(await offersOf(partner, id)).toEqual({ close: false, reopen: false, escalate: true, requestCall: true, rate: false });
    expect(await failure(api.tickets.close({ ticket: id }))).toMatchObject({ code: "CONFLICT" });
    expect(await failure(api.tickets.reopen({ ticket: id }))).toMatchObject({ code: "CONFLICT" });
    expect(await failure(api.tickets.rate({ ticket: id, stars: 5 }))).toMatchObject({ code: "CONFLICT" });
    await api.tickets.escalate({ ticket: id, reason: "Perdemos ventas" });
    await api.tickets.requestCall(call(id));

    // Support may close at any time; it never rates.
    expect(await offersOf(agent, id)).toMatchObject({ close: true, rate: false });

    // Resolved: now the customer may close, or reopen.
    await callerFor(db, agent, "es").tickets.setStatus({ ticket: id, status: "resolved" });
    expect(await offersOf(partner, id)).toEqual({ close: true, reopen: true, escalate: true, requestCall: true, rate: false });
    await api.tickets.close({ ticket: id });

    // Closed: rate or reopen; nothing new goes in.
    expect(await offersOf(partner, id)).toEqual({ close: false, reopen: true, escalate: false, requestCall: false, rate: true });
    expect(await failure(api.tickets.escalate({ ticket: id, reason: "Otra vez" }))).toMatchObject({ code: "CONFLICT" });
    expect(await failure(api.tickets.requestCall(call(id)))).toMatchObject({ code: "CONFLICT" });
    expect(await failure(api.tickets.close({ ticket: id }))).toMatchObject({ code: "CONFLICT" });
    expect(await offersOf(agent, id)).toMatchObject({ close: false, rate: false });
    expect(await failure(callerFor(db, agent, "es").tickets.rate({ ticket: id, stars: 5 }))).toMatchObject({ code: "FORBIDDEN" });
    await api.tickets.rate({ ticket: id, stars: 4 });
    await api.tickets.reopen({ ticket: id });

    // Reopened: back to work, not closable by the customer before support resolves it again.
    expect(await offersOf(partner, id)).toEqual({ close: false, reopen: false, escalate: true, requestCall: true, rate: false });
  });

  it("offers closing a new ticket where the department lets customers close at any time", async () => {
    const { id } = await openAcmeTicket(db, partner, "Cancelar petición", "Ya no hace falta");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id } });
    const where = { departmentId: ticket.departmentId };
    const before = await db.automationPolicy.findUnique({ where });
    await db.automationPolicy.upsert({
      where,
      create: { ...where, customerMayClose: "any_time" },
      update: { customerMayClose: "any_time" },
    });
    try {
      expect((await offersOf(partner, id)).close).toBe(true);
      await callerFor(db, partner, "es").tickets.close({ ticket: id });
      expect((await offersOf(partner, id)).close).toBe(false);
    } finally {
      if (before) await db.automationPolicy.update({ where, data: { customerMayClose: before.customerMayClose } });
      else await db.automationPolicy.delete({ where });
    }
  });
});
