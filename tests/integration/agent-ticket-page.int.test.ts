// The agent's ticket page is the agent's: escalating and asking for a call are the customer's (not
// offered to support, refused if tried); escalation is once per state, until support answers; an
// agent's reply to an unassigned ticket takes it, where the department says so.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, openAcmeTicket, type SignedIn } from "../support/factories";

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

const reply = (who: SignedIn, ticket: string, body: string, now?: Date) =>
  callerFor(db, who, "es", now).tickets.reply({ ticket, body, attachmentIds: [] });
/** The refusal as the person reads it (the tRPC error formatter's text, in their zone). */
const readAs = (error: unknown, who: SignedIn) => formatError(error as TRPCError, "es", who.timeZone).message;

describe("the agent's ticket page", () => {
  it("offers support neither escalation nor a call request, and refuses both", async () => {
    const { id } = await openAcmeTicket(db, partner, "Solo para el cliente", "Detalle");
    const offers = (await callerFor(db, agent).tickets.get({ ticket: id })).offers;
    expect(offers).toMatchObject({ escalate: false, requestCall: false, rate: false });
    const api = callerFor(db, agent, "es");
    const escalated = (await failure(api.tickets.escalate({ ticket: id, reason: "x" }))) as TRPCError;
    expect(escalated.code).toBe("FORBIDDEN");
    expect(readAs(escalated, agent)).toBe("Escalar es cosa del cliente: soporte cambia la prioridad o el departamento.");
    const start = new Date(Date.now() + 86_400_000);
    const call = await failure(
      api.tickets.requestCall({
        ticket: id,
        phone: "+34 600 000 000",
        windowStart: start,
        windowEnd: new Date(start.getTime() + 3_600_000),
      }),
    );
    expect((call as TRPCError).code).toBe("FORBIDDEN");
    expect(await db.callRequest.count({ where: { ticketId: id } })).toBe(0);
  });

  it("escalates once per state: a second escalation says when the first was, until support answers", async () => {
    const { id } = await openAcmeTicket(db, partner, "Escalar una vez", "Detalle");
    // Later than the ticket's creation (now), so the escalation is in its current state.
    const first = new Date("2030-01-15T10:15:00Z");
    await callerFor(db, partner, "es", first).tickets.escalate({ ticket: id, reason: "Perdemos ventas" });
    expect((await callerFor(db, partner).tickets.get({ ticket: id })).offers.escalate).toBe(false);

    const mails = await db.outboxMail.count({ where: { ticketId: id } });
    // Paula's profile is in Europe/Madrid: 11:15 there.
    expect(partner.timeZone).toBe("Europe/Madrid");
    const again = (await failure(
      callerFor(db, partner, "es", new Date("2030-01-15T11:00:00Z")).tickets.escalate({ ticket: id, reason: "Otra vez" }),
    )) as TRPCError;
    expect(again.code).toBe("CONFLICT");
    expect(readAs(again, partner)).toBe(
      "Este ticket ya se escaló el 15 ene 2030 a las 11:15. Podrás volver a escalarlo cuando soporte responda.",
    );
    expect(await db.ticketEvent.count({ where: { ticketId: id, kind: "escalated" } })).toBe(1);
    // No second mail to staff.
    expect(await db.outboxMail.count({ where: { ticketId: id } })).toBe(mails);

    // Support answers: the customer may escalate again.
    await reply(agent, id, "Lo estamos mirando", new Date("2030-01-15T12:00:00Z"));
    expect((await callerFor(db, partner).tickets.get({ ticket: id })).offers.escalate).toBe(true);
    await callerFor(db, partner, "es", new Date("2030-01-15T13:00:00Z")).tickets.escalate({ ticket: id, reason: "Sigue caído" });
    expect(await db.ticketEvent.count({ where: { ticketId: id, kind: "escalated" } })).toBe(2);
  });

  it("an agent's reply to an unassigned ticket takes it; a department may turn that off", async () => {
    const { id } = await openAcmeTicket(db, partner, "Respuesta sin asignar", "Detalle");
    await reply(agent, id, "Te ayudo yo");
    const taken = await callerFor(db, agent, "es").tickets.get({ ticket: id });
    expect(taken.assignee?.name).toBe("Álex Agente");
    expect(taken.messages.filter((m) => m.kind === "system").map((m) => m.event?.kind)).toContain("assigned");

    // An internal note does not take it.
    const { id: noted } = await openAcmeTicket(db, partner, "Solo una nota", "Detalle");
    await callerFor(db, agent, "es").tickets.reply({ ticket: noted, body: "Nota", internal: true, attachmentIds: [] });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: noted } })).assigneeId).toBeNull();

    const { id: other } = await openAcmeTicket(db, partner, "Departamento sin tomar", "Detalle");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: other } });
    // The admin turns it off in Admin > Departments.
    const admin = callerFor(db, await world.login("admin@demo.test"), "es").admin.departments;
    const department = (await admin.list()).departments.find((d) => d.id === ticket.departmentId)!;
    expect(department.takeOnReply).toBe(true);
    const fields = { id: department.id, names: department.names, slug: department.slug, sensitiveInfo: department.sensitiveInfo };
    await admin.update({ ...fields, agentIds: department.agents.map((a) => a.id), takeOnReply: false });
    try {
      await reply(agent, other, "Respuesta sin tomarlo");
      expect((await db.ticket.findUniqueOrThrow({ where: { id: other } })).assigneeId).toBeNull();
    } finally {
      await admin.update({ ...fields, agentIds: department.agents.map((a) => a.id), takeOnReply: true });
    }
  });
});
