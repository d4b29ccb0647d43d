// "The requester's other tickets" beside a ticket's thread: support staff see what else the
// requester asked (not the ticket itself), most recent first, at most ten plus the total — and only
// among the tickets the visibility rule lets them see. Customers are refused.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertDepartment } from "../../server/seed/demo";
import { callerFor, failure, makeUser, signedIn } from "../support/factories";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

let requester: SignedIn;
let otherCustomer: SignedIn;
let supportAgent: SignedIn;
let salesAgent: SignedIn;
let admin: SignedIn;
let support: { id: number; categoryId: number };
let sales: { id: number; categoryId: number };

beforeAll(async () => {
  const dept = async (name: string, slug: string) => {
    const d = await upsertDepartment(db, { name, slug, categories: ["General"] });
    const category = await db.category.findFirstOrThrow({ where: { departmentId: d.id } });
    return { id: d.id, categoryId: category.id };
  };
  support = await dept("Soporte", "soporte-rt");
  sales = await dept("Ventas", "ventas-rt");
  requester = await signedIn(db, (await makeUser(db, { role: "partner", label: "requester" })).id);
  otherCustomer = await signedIn(db, (await makeUser(db, { role: "partner", label: "other" })).id);
  supportAgent = await signedIn(db, (await makeUser(db, { role: "agent", label: "support", departmentIds: [support.id] })).id);
  salesAgent = await signedIn(db, (await makeUser(db, { role: "agent", label: "sales", departmentIds: [sales.id] })).id);
  admin = await signedIn(db, (await makeUser(db, { role: "admin", label: "admin" })).id);
});

let minutes = 0;
/** A ticket by `who` in `department`, its last change `minutes` after a fixed start, so the order is known. */
async function ticket(who: SignedIn, department: { id: number; categoryId: number }, subject: string) {
  const created = await callerFor(db, who).tickets.create({
    type: "incident",
    departmentId: department.id,
    categoryId: department.categoryId,
    organizationId: null,
    serviceIds: [],
    watcherIds: [],
    subject,
    description: "Detalle",
  });
  minutes += 1;
  await db.ticket.update({ where: { id: created.id }, data: { updatedAt: new Date(Date.UTC(2030, 0, 1, 0, minutes)) } });
  return created.reference;
}

describe("tickets.requesterTickets", () => {
  let current: string;
  let older: string;
  let newer: string;
  let inSales: string;
  let notTheirs: string;

  beforeAll(async () => {
    older = await ticket(requester, support, "Antiguo");
    current = await ticket(requester, support, "Actual");
    inSales = await ticket(requester, sales, "Presupuesto");
    notTheirs = await ticket(otherCustomer, support, "De otra persona");
    newer = await ticket(requester, support, "Reciente");
  });

  it("gives an agent the requester's other tickets, most recent first, never the ticket itself", async () => {
    const result = await callerFor(db, supportAgent).tickets.requesterTickets({ ticket: current });
    expect(result.requester).toEqual({ id: requester.id, name: requester.name });
    expect(result.items.map((t) => t.reference)).toEqual([newer, older]);
    expect(result.total).toBe(2);
    expect(result.items.map((t) => t.reference)).not.toContain(current);
    expect(result.items.map((t) => t.reference)).not.toContain(notTheirs);
    expect(result.items[0]).toMatchObject({ reference: newer, subject: "Reciente", status: "new", priority: expect.any(String) });
    expect(result.items[0]!.updatedAt).toEqual(new Date(Date.UTC(2030, 0, 1, 0, 5)));
  });

  it("works with the ticket's id as well as its number", async () => {
    const id = (await callerFor(db, supportAgent).tickets.get({ ticket: current })).id;
    const result = await callerFor(db, supportAgent).tickets.requesterTickets({ ticket: id });
    expect(result.items.map((t) => t.reference)).toEqual([newer, older]);
  });

  it("an admin sees the requester's tickets of every department", async () => {
    const result = await callerFor(db, admin).tickets.requesterTickets({ ticket: current });
    expect(result.items.map((t) => t.reference)).toEqual([newer, inSales, older]);
    expect(result.total).toBe(3);
  });

  it("an agent of another department sees neither the ticket nor the requester's tickets outside their departments", async () => {
    const refused = (await failure(callerFor(db, salesAgent).tickets.requesterTickets({ ticket: current }))) as TRPCError;
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused.code).toBe("NOT_FOUND");
    // On the requester's sales ticket, the support tickets stay out of the list and out of the count.
    const result = await callerFor(db, salesAgent).tickets.requesterTickets({ ticket: inSales });
    expect(result.items).toEqual([]);
    expect(result.total).toBe(0);
    // And the support agent, on a support ticket, never sees the sales one.
    const supportView = await callerFor(db, supportAgent).tickets.requesterTickets({ ticket: newer });
    expect(supportView.items.map((t) => t.reference)).toEqual([current, older]);
    expect(supportView.items.map((t) => t.reference)).not.toContain(inSales);
  });

  it("refuses customers, even the requester", async () => {
    for (const who of [requester, otherCustomer]) {
      const error = (await failure(callerFor(db, who).tickets.requesterTickets({ ticket: current }))) as TRPCError;
      expect(error).toBeInstanceOf(TRPCError);
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it("refuses anyone signed out", async () => {
    const error = (await failure(callerFor(db, null).tickets.requesterTickets({ ticket: current }))) as TRPCError;
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("lists at most ten, newest first, and still counts them all", async () => {
    const many: string[] = [];
    for (let i = 0; i < 11; i++) many.push(await ticket(requester, support, `Lote ${i}`));
    const result = await callerFor(db, supportAgent).tickets.requesterTickets({ ticket: current });
    expect(result.total).toBe(13);
    expect(result.items).toHaveLength(10);
    expect(result.items.map((t) => t.reference)).toEqual(many.reverse().slice(0, 10));
  });
});
