// Support's handling of a ticket: take, assign, transfer, priority — each recorded in the history
// with a system note — and none of it open to customers.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let support: { id: number; categoryId: number };
let sales: { id: number };

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
  sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" } });
});
afterAll(() => world?.close());

const newTicket = async () =>
  (
    await callerFor(db, partner).tickets.create({
      type: "incident",
      departmentId: support.id,
      categoryId: support.categoryId,
      organizationId: null,
      serviceIds: [],
      watcherIds: [],
      subject: "Para soporte",
      description: "Detalle",
    })
  ).id;

describe("support handling a ticket", () => {
  it("taking a new ticket assigns it and starts the work", async () => {
    const id = await newTicket();
    await callerFor(db, agent).tickets.take({ ticket: id });
    const ticket = await callerFor(db, agent).tickets.get({ ticket: id });
    expect(ticket.assignee?.id).toBe(agent.id);
    expect(ticket.status).toBe("open");
    expect(ticket.messages.filter((m) => m.kind === "system").map((m) => [m.event?.kind, m.event?.after])).toEqual([
      ["assigned", "Álex Agente"],
      ["status_changed", "open"],
    ]);
  });

  it("only agents of the ticket's department (or admins) can be assigned", async () => {
    const id = await newTicket();
    const salesAgent = await upsertUser(db, { email: uniqueEmail("sales"), name: "Sales", role: "agent", departmentIds: [sales.id] });
    const error = (await failure(callerFor(db, agent).tickets.assign({ ticket: id, assigneeId: salesAgent.id }))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect((await callerFor(db, agent).tickets.assignees({ ticket: id })).map((a) => a.name)).toContain("Álex Agente");
  });

  it("a transfer moves the ticket, releases an assignee who does not work there, and leaves the old queue", async () => {
    const id = await newTicket();
    await callerFor(db, agent).tickets.take({ ticket: id });
    await callerFor(db, agent).tickets.transfer({ ticket: id, departmentId: sales.id });
    const admin = await world.login("admin@demo.test");
    const ticket = await callerFor(db, admin, "es").tickets.get({ ticket: id });
    expect(ticket.department.name).toBe("Ventas");
    expect(ticket.assignee).toBeNull();
    expect(ticket.messages.at(-1)?.event).toMatchObject({
      kind: "department_changed",
      before: "Soporte Técnico",
      after: "Ventas",
      detail: null,
    });
    // The history names both departments in the reader's language.
    const english = await callerFor(db, admin, "en").tickets.get({ ticket: id });
    expect(english.messages.at(-1)?.event).toMatchObject({ before: "Technical Support", after: "Sales" });
    const fresh = await signedIn(db, agent.id);
    expect(((await failure(callerFor(db, fresh).tickets.get({ ticket: id }))) as TRPCError).code).toBe("NOT_FOUND");
  });

  it("agents override the priority; the change is in the thread", async () => {
    const id = await newTicket();
    await callerFor(db, agent).tickets.setPriority({ ticket: id, priority: "critical" });
    const ticket = await callerFor(db, partner).tickets.get({ ticket: id });
    expect(ticket.priority).toBe("critical");
    expect(ticket.messages.at(-1)?.event).toMatchObject({ kind: "priority_changed", before: "medium", after: "critical" });
  });

  it("customers may do none of it", async () => {
    const id = await newTicket();
    for (const attempt of [
      callerFor(db, partner).tickets.take({ ticket: id }),
      callerFor(db, partner).tickets.assign({ ticket: id, assigneeId: partner.id }),
      callerFor(db, partner).tickets.transfer({ ticket: id, departmentId: sales.id }),
      callerFor(db, partner).tickets.setPriority({ ticket: id, priority: "critical" }),
      callerFor(db, partner).tickets.assignees({ ticket: id }),
    ]) {
      expect(((await failure(attempt)) as TRPCError).code).toBe("FORBIDDEN");
    }
  });
});
