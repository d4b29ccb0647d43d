// SLA over the real database: the ticket's calendar (organization's, else department's, else the
// default), clocks that stop at the first public reply and pause while waiting on the customer,
// near-breach and breach recorded once each even with concurrent ticks, and the queue's SLA view.
import type { SignedIn } from "../support/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { runTick } from "../../server/automation/tick";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let globex: SignedIn;
let agent: SignedIn;
let support: { id: number; categoryId: number };
const MIN = 60_000;
// Monday 23 November 2026, 10:00 UTC.
const T0 = new Date("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(+T0 + minutes * MIN);

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  globex = await world.login("partner2@demo.test");
  agent = await world.login("agent@demo.test");
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
});
afterAll(() => world?.close());

async function newTicket(who: SignedIn, organization: string, now: Date) {
  const org = await db.organization.findUniqueOrThrow({ where: { name: organization } });
  return (
    await callerFor(db, who, "es", now).tickets.create({
      type: "incident",
      departmentId: support.id,
      categoryId: support.categoryId,
      organizationId: org.id,
      serviceIds: [],
      watcherIds: [],
      subject: `SLA ${organization}`,
      description: "Detalle",
    })
  ).id;
}
const alerts = (ticketId: string) =>
  db.ticketEvent.findMany({
    where: { ticketId, kind: { in: ["sla_near_breach", "sla_breached"] } },
    orderBy: { id: "asc" },
    select: { kind: true, detail: true, staffOnly: true },
  });
const slaView = async (now: Date) =>
  (
    await callerFor(db, agent, "es", now).tickets.list({
      view: "sla",
      tab: "active",
      q: "",
      status: [],
      priority: [],
      departmentId: [],
      sort: "sla",
      dir: "asc",
      limit: 100,
    })
  ).items.map((t) => t.id);

describe("SLA clocks on tickets", () => {
  it("run on the organization's 24/7 calendar, warn at 80 %, breach once, stop at the first public reply and pause on the customer", async () => {
    const id = await newTicket(partner, "Acme Hosting", T0);
    await callerFor(db, agent, "es", T0).tickets.setPriority({ ticket: id, priority: "critical" }); // 1 h / 4 h

    const early = (await callerFor(db, agent, "es", at(10)).tickets.sla({ ticket: id }))!;
    expect(early.calendar.name).toBe("24/7");
    expect(early.clocks.first_response).toMatchObject({ state: "running", elapsedMs: 10 * MIN, targetMs: 60 * MIN });
    expect(early.clocks.first_response.dueAt).toEqual(at(60));
    expect(await slaView(at(10))).not.toContain(id);

    await runTick(db, at(47));
    expect(await alerts(id)).toEqual([]);
    await runTick(db, at(49));
    expect(await alerts(id)).toEqual([{ kind: "sla_near_breach", detail: "first_response", staffOnly: true }]);
    expect(await slaView(at(49))).toContain(id);

    // Four ticks at once, as from four nodes: the breach is recorded exactly once.
    await Promise.all([1, 2, 3, 4].map(() => runTick(db, at(61))));
    expect(await alerts(id)).toEqual([
      { kind: "sla_near_breach", detail: "first_response", staffOnly: true },
      { kind: "sla_breached", detail: "first_response", staffOnly: true },
    ]);

    await callerFor(db, agent, "es", at(70)).tickets.reply({ ticket: id, body: "Lo estamos mirando" });
    const answered = (await callerFor(db, agent, "es", at(75)).tickets.sla({ ticket: id }))!;
    expect(answered.clocks.first_response).toMatchObject({ state: "breached", elapsedMs: 70 * MIN });
    expect(answered.clocks.resolution).toMatchObject({ state: "running", elapsedMs: 75 * MIN });
    expect(answered.clocks.resolution.dueAt).toEqual(at(240));
    const row = await db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ slaClock: "resolution", slaDueAt: at(240) });

    await callerFor(db, agent, "es", at(80)).tickets.setStatus({ ticket: id, status: "pending_customer" });
    const waiting = (await callerFor(db, agent, "es", at(250)).tickets.sla({ ticket: id }))!;
    expect(waiting.clocks.resolution).toMatchObject({ state: "paused", elapsedMs: 80 * MIN, dueAt: null });
    expect(waiting.clocks.resolution.segments.map((s) => [s.status, s.counted])).toEqual([
      ["new", true],
      ["open", true],
      ["pending_customer", false],
    ]);
    await runTick(db, at(250));
    expect((await alerts(id)).length).toBe(2);
    expect(await slaView(at(250))).not.toContain(id);

    // The customer answers three hours later: the clock resumes where it stopped.
    await callerFor(db, partner, "es", at(260)).tickets.reply({ ticket: id, body: "Ya está, probad ahora" });
    const resumed = (await callerFor(db, agent, "es", at(270)).tickets.sla({ ticket: id }))!;
    expect(resumed.clocks.resolution).toMatchObject({ state: "running", elapsedMs: 90 * MIN });
    expect(resumed.clocks.resolution.dueAt).toEqual(at(270 + 150));
  });

  it("without an organization calendar, run on office hours: a Saturday ticket starts counting on Monday morning", async () => {
    const saturday = new Date("2026-11-21T12:00:00Z");
    const id = await newTicket(globex, "Globex", saturday);
    const sla = (await callerFor(db, agent, "es", saturday).tickets.sla({ ticket: id }))!;
    expect(sla.calendar).toMatchObject({ name: "Horario laboral", timeZone: "Europe/Madrid" });
    const { priority } = await db.ticket.findUniqueOrThrow({ where: { id } });
    const policy = await db.slaPolicy.findUniqueOrThrow({ where: { priority } });
    // Monday 23 November 09:00 in Madrid is 08:00 UTC; the target counts from there.
    expect(sla.clocks.first_response.dueAt).toEqual(new Date(Date.parse("2026-11-23T08:00:00Z") + policy.firstResponseMinutes * MIN));
    expect(sla.clocks.first_response.elapsedMs).toBe(0);
  });

  it("is for support only: customers get no SLA on rows and cannot read a ticket's clocks", async () => {
    const id = await newTicket(partner, "Acme Hosting", T0);
    expect(await failure(callerFor(db, partner).tickets.sla({ ticket: id }))).toMatchObject({ code: "FORBIDDEN" });
    const rows = (
      await callerFor(db, partner).tickets.list({
        view: "all",
        tab: "active",
        q: "",
        status: [],
        priority: [],
        departmentId: [],
        sort: "updated",
        dir: "desc",
        limit: 100,
      })
    ).items;
    expect(rows.find((r) => r.id === id)).toMatchObject({ sla: null });
    expect(
      (
        await callerFor(db, partner).tickets.list({
          view: "sla",
          tab: "active",
          q: "",
          status: [],
          priority: [],
          departmentId: [],
          sort: "updated",
          dir: "desc",
          limit: 100,
        })
      ).items,
    ).toEqual([]);
  });
});
