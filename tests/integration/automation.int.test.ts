// The automation tick over the real database: resolved tickets close after 7 calendar days and
// waiting tickets resolve after 5 business days of their calendar (weekends and public holidays
// skipped), each with its system note and its mail; one day earlier nothing moves; a dry run
// changes nothing; and concurrent ticks over a large backlog move each ticket exactly once.
import type { SignedIn } from "../support/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { runTick } from "../../server/automation/tick";
import { deliverOutbox } from "../../server/notifications/outbox";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let globex: SignedIn;
let agent: SignedIn;
let support: { id: number; categoryId: number };
let globexOrg: { id: string };
const DAY = 86_400_000;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  globex = await world.login("partner2@demo.test");
  agent = await world.login("agent@demo.test");
  globexOrg = await db.organization.findUniqueOrThrow({ where: { name: "Globex" } });
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
});
afterAll(() => world?.close());

/** A Globex ticket: it runs on the default office-hours calendar (Madrid, Spanish holidays). */
async function ticketIn(status: "resolved" | "pending_customer", at: Date, subject: string) {
  const created = await callerFor(db, globex, "es", new Date(+at - 3_600_000)).tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categoryId,
    organizationId: globexOrg.id,
    serviceIds: [],
    watcherIds: [],
    subject,
    description: "Detalle",
  });
  await callerFor(db, agent, "es", at).tickets.setStatus({ ticket: created.id, status });
  return created;
}
const autoEvents = (ticketId: string) =>
  db.ticketEvent.findMany({
    where: { ticketId, kind: "status_changed", actorId: null },
    select: { before: true, after: true, detail: true, note: { select: { kind: true } } },
  });

describe("automatic transitions", () => {
  it("close a resolved ticket 7 days later with a system note and a mail, and not a day before", async () => {
    const resolvedAt = new Date("2026-11-02T10:00:00Z");
    const ticket = await ticketIn("resolved", resolvedAt, "Cierre automático");
    expect((await callerFor(db, globex, "es", resolvedAt).tickets.get({ ticket: ticket.id })).automatic).toEqual({
      to: "closed",
      at: new Date(+resolvedAt + 7 * DAY),
    });

    const early = await runTick(db, new Date(+resolvedAt + 6 * DAY));
    expect(early.transitions.map((t) => t.ticketId)).not.toContain(ticket.id);
    const preview = await runTick(db, new Date(+resolvedAt + 8 * DAY), { dryRun: true });
    expect(preview.transitions).toContainEqual({ ticketId: ticket.id, reference: ticket.reference, from: "resolved", to: "closed" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("resolved");

    const report = await runTick(db, new Date(+resolvedAt + 8 * DAY));
    expect(report.transitions).toContainEqual({ ticketId: ticket.id, reference: ticket.reference, from: "resolved", to: "closed" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("closed");
    expect(await autoEvents(ticket.id)).toEqual([
      { before: "resolved", after: "closed", detail: "auto:7:calendar", note: { kind: "system" } },
    ]);
    const mails = world.mailbox!.to("partner2@demo.test").filter((m) => m.subject?.includes(`[${ticket.reference}]`));
    expect(mails.map((m) => m.subject)).toContain(
      message("es", "Email.ticket.auto_closed.subject").replace("{reference}", ticket.reference).replace("{subject}", "Cierre automático"),
    );
  });

  it("resolve a ticket waiting on the customer after 5 business days, across a weekend and a public holiday", async () => {
    // Wednesday 2 December 2026, 10:00 in Madrid. Business days after it: Thu 3, Fri 4, Mon 7,
    // (Tue 8 is the Immaculate Conception, a national holiday), Wed 9, Thu 10 → due Thursday 10 at 10:00.
    const waitingSince = new Date("2026-12-02T09:00:00Z");
    const ticket = await ticketIn("pending_customer", waitingSince, "Esperando respuesta");
    const due = new Date("2026-12-10T09:00:00Z");

    await runTick(db, new Date(+due - DAY));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("pending_customer");
    await runTick(db, new Date(+due - 60_000));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("pending_customer");

    await runTick(db, due);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("resolved");
    expect(await autoEvents(ticket.id)).toEqual([
      { before: "pending_customer", after: "resolved", detail: "auto:5:business", note: { kind: "system" } },
    ]);
    await deliverOutbox(db);
    const [mail] = world
      .mailbox!.to("partner2@demo.test")
      .filter(
        (m) =>
          m.subject?.includes(`[${ticket.reference}]`) &&
          m.subject.includes(message("es", "Email.ticket.auto_resolved.subject").split(":")[0]!.replace("[{reference}] ", "")),
      );
    expect(mail?.text).toContain("5");
    // It says when the ticket will close by itself: 7 days later, 17 December, in the reader's zone.
    expect(mail?.text).toContain("17 de diciembre de 2026");
  });

  it("move each of 1 000 due tickets exactly once with four ticks at the same time", async () => {
    const quiet = await upsertUser(db, { email: "quiet@example.test", name: "Sin correo", locale: "es" });
    await db.user.update({ where: { id: quiet.id }, data: { emailNotifications: false } });
    const long = new Date("2026-10-01T10:00:00Z");
    await db.ticket.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        type: "request" as const,
        status: "resolved" as const,
        priority: "low" as const,
        subject: `Lote ${i}`,
        departmentId: support.id,
        requesterId: quiet.id,
        createdAt: long,
        updatedAt: long,
        statusChangedAt: long,
        resolvedAt: long,
      })),
    });
    const batch = await db.ticket.findMany({ where: { requesterId: quiet.id }, select: { id: true } });
    const ids = batch.map((t) => t.id);
    const at = new Date("2026-11-01T10:00:00Z");

    const reports = await Promise.all([1, 2, 3, 4].map(() => runTick(db, at)));
    const moved = reports.flatMap((r) => r.transitions).filter((t) => ids.includes(t.ticketId));
    expect(moved).toHaveLength(1000);
    expect(new Set(moved.map((t) => t.ticketId)).size).toBe(1000);
    const events = await db.ticketEvent.groupBy({
      by: ["ticketId"],
      where: { ticketId: { in: ids }, kind: "status_changed", after: "closed" },
      _count: true,
    });
    expect(events).toHaveLength(1000);
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect(await db.ticket.count({ where: { id: { in: ids }, status: "closed" } })).toBe(1000);
    expect(await db.outboxMail.count({ where: { ticketId: { in: ids } } })).toBe(0); // mail turned off
  }, 180_000);
});
