// The agent's reports on a dataset built here with known numbers: 40 tickets of one department
// over 10 days (2, 3, 4, 5, 6, 6, 5, 4, 3, 2 a day), every 4th solved, 3 SLA breaches, ratings
// 5, 4, 4, 1 (the 1 with a comment), two assignees; plus 5 tickets of another department that
// the department's agent must not see. Everything in March 2020, far from the demo's tickets.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { reportCsv } from "../../server/reports/csv";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, makeUser, signedIn, type SignedIn } from "../support/factories";

let world: DemoWorld;
let db: Db;
let agentA: SignedIn;
let agentB: SignedIn;
let admin: SignedIn;
let partner: SignedIn;
let deptA: number;
let deptB: number;

const PER_DAY = [2, 3, 4, 5, 6, 6, 5, 4, 3, 2];
const day = (i: number) => `2020-03-${String(i + 1).padStart(2, "0")}`;
const range = { from: "2020-03-01", to: "2020-03-10" };
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  deptA = (await db.department.create({ data: { name: "Informes A", slug: "informes-a" } })).id;
  deptB = (await db.department.create({ data: { name: "Informes B", slug: "informes-b" } })).id;
  agentA = await signedIn(db, (await makeUser(db, { role: "agent", label: "Ana", departmentIds: [deptA] })).id);
  agentB = await signedIn(db, (await makeUser(db, { role: "agent", label: "Bruno", departmentIds: [deptA] })).id);
  admin = await world.login("admin@demo.test");
  partner = await world.login("partner@demo.test");
  let k = 0;
  for (const [i, n] of PER_DAY.entries()) {
    for (let j = 0; j < n; j++, k++) {
      const createdAt = new Date(`${day(i)}T12:00:00Z`); // 13:00 in Madrid, the agents' zone
      const solved = k % 4 === 0;
      const status = solved ? "resolved" : k % 4 === 1 ? "open" : k % 4 === 2 ? "pending_customer" : "new";
      const assigneeId = k % 4 === 1 ? agentA.id : solved ? (k < 20 ? agentA.id : agentB.id) : k % 4 === 2 && k < 20 ? agentB.id : null;
      const ticket = await db.ticket.create({
        data: {
          type: "incident",
          priority: k < 20 ? "high" : "low",
          subject: `Informe ${k}`,
          departmentId: deptA,
          requesterId: partner.id,
          status,
          assigneeId,
          createdAt,
          firstResponseAt: k % 2 === 0 ? minutes(createdAt, k + 1) : null,
          resolvedAt: solved ? minutes(createdAt, 120) : null,
        },
      });
      // 3 breaches: first response of #1 (never answered) and #2 (answered late), resolution of #5.
      const breach = k === 1 || k === 2 ? "first_response" : k === 5 ? "resolution" : null;
      if (breach)
        await db.ticketEvent.create({ data: { ticketId: ticket.id, kind: "sla_breached", detail: breach, staffOnly: true, createdAt } });
      const stars = { 0: 5, 4: 4, 8: 4, 12: 1 }[k];
      if (stars)
        await db.rating.create({
          data: {
            ticketId: ticket.id,
            userId: partner.id,
            closeCycle: 1,
            stars,
            comment: stars === 1 ? "Muy lento" : null,
            createdAt: minutes(createdAt, 180),
          },
        });
    }
  }
  for (let j = 0; j < 5; j++)
    await db.ticket.create({
      data: {
        type: "incident",
        priority: "medium",
        subject: `Otro ${j}`,
        departmentId: deptB,
        requesterId: partner.id,
        status: "open",
        createdAt: new Date("2020-03-02T12:00:00Z"),
      },
    });
});
afterAll(() => world?.close());

const overview = (who: SignedIn, filter: { from: string; to: string; departmentId?: number }) =>
  callerFor(db, who, "es").reports.overview(filter);

describe("reports", () => {
  it("counts tickets created and solved per day of the range, zeros included", async () => {
    const report = await overview(agentA, range);
    expect(report.volume.map((d) => d.day)).toEqual(PER_DAY.map((_, i) => day(i)));
    expect(report.volume.map((d) => d.created)).toEqual(PER_DAY);
    // Tickets 0, 4, 8 … 36 are solved: by day (0–1, 2–4, 5–8, 9–13, 14–19, 20–25, 26–30, 31–34, 35–37, 38–39).
    expect(report.volume.map((d) => d.solved)).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1, 0]);
  });

  it("the backlog is the unsolved tickets by status", async () => {
    const report = await overview(agentA, range);
    expect(report.backlog).toEqual([
      { status: "new", count: 10 },
      { status: "open", count: 10 },
      { status: "pending_customer", count: 10 },
      { status: "on_hold", count: 0 },
      { status: "reopened", count: 0 },
    ]);
  });

  it("SLA attainment by priority and by department counts the recorded breaches", async () => {
    const { sla } = await overview(agentA, range);
    const high = sla.byPriority.find((r) => r.key === "high")!;
    const low = sla.byPriority.find((r) => r.key === "low")!;
    expect(sla.byPriority.map((r) => r.label)).toEqual(["Baja", "Alta"]);
    // High: tickets 0–19, answered: the 10 even ones, plus #1 breached unanswered; breached #1, #2.
    expect(high.firstResponse).toEqual({ measured: 11, met: 9, breached: 2, percent: 81.8 });
    // Solved among them: 0, 4, 8, 12, 16, plus #5 breached → 6, 1 breached.
    expect(high.resolution).toEqual({ measured: 6, met: 5, breached: 1, percent: 83.3 });
    expect(low.firstResponse).toEqual({ measured: 10, met: 10, breached: 0, percent: 100 });
    expect(low.resolution).toEqual({ measured: 5, met: 5, breached: 0, percent: 100 });
    expect(sla.byDepartment).toHaveLength(1);
    expect(sla.byDepartment[0]).toMatchObject({
      label: "Informes A",
      firstResponse: { measured: 21, breached: 2, percent: 90.5 },
      resolution: { measured: 11, breached: 1, percent: 90.9 },
    });
  });

  it("median times: first response 20 minutes (1, 3 … 39), resolution 120", async () => {
    const { medianTimes } = await overview(agentA, range);
    expect(medianTimes).toEqual({ firstResponse: { minutes: 20, tickets: 20 }, resolution: { minutes: 120, tickets: 10 } });
  });

  it("CSAT: average 3.5, the distribution and the comment", async () => {
    const { csat } = await overview(agentA, range);
    expect(csat.count).toBe(4);
    expect(csat.average).toBe(3.5);
    expect(csat.distribution).toEqual([
      { stars: 1, count: 1 },
      { stars: 2, count: 0 },
      { stars: 3, count: 0 },
      { stars: 4, count: 2 },
      { stars: 5, count: 1 },
    ]);
    expect(csat.comments.map((c) => [c.stars, c.comment])).toEqual([[1, "Muy lento"]]);
  });

  it("workload: open tickets per assignee and tickets solved in the range", async () => {
    const { workload } = await overview(agentA, range);
    expect(workload.map((w) => [w.assigneeId, w.open, w.solved])).toEqual([
      [agentA.id, 10, 5],
      [agentB.id, 5, 5],
    ]);
  });

  it("the date range narrows every per-range report", async () => {
    const report = await overview(agentA, { from: "2020-03-03", to: "2020-03-04" });
    expect(report.volume).toEqual([
      { day: "2020-03-03", created: 4, solved: 1 },
      { day: "2020-03-04", created: 5, solved: 1 },
    ]);
    // Ratings of tickets 8 (day 3, 4 stars) and 12 (day 4, 1 star).
    expect(report.csat.average).toBe(2.5);
    const error = (await failure(overview(agentA, { from: "2020-03-04", to: "2020-03-03" }))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("the department filter, and an agent sees only their departments", async () => {
    const all = await overview(admin, range);
    expect(all.volume.reduce((s, d) => s + d.created, 0)).toBe(45);
    const onlyB = await overview(admin, { ...range, departmentId: deptB });
    expect(onlyB.volume.map((d) => d.created)).toEqual([0, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(onlyB.backlog.find((b) => b.status === "open")?.count).toBe(5);
    const agentAll = await overview(agentA, range);
    expect(agentAll.volume.reduce((s, d) => s + d.created, 0)).toBe(40);
    const agentAsksB = await overview(agentA, { ...range, departmentId: deptB });
    expect(agentAsksB.volume.reduce((s, d) => s + d.created, 0)).toBe(0);
    expect(agentAsksB.backlog.reduce((s, b) => s + b.count, 0)).toBe(0);
    expect(agentAsksB.sla.byDepartment).toEqual([]);
    expect((await callerFor(db, agentA).reports.departments()).map((d) => d.name)).toEqual(["Informes A"]);
  });

  it("a partner is refused", async () => {
    const error = (await failure(overview(partner, range))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
    expect(((await failure(callerFor(db, partner).reports.departments())) as TRPCError).code).toBe("FORBIDDEN");
  });

  it("each CSV has the same numbers, with translated headers", async () => {
    const rows = async (report: Parameters<typeof reportCsv>[4], locale: "es" | "en" = "es") =>
      (await reportCsv(db, agentA, range, locale, report)).text
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
    const volume = await rows("volume");
    expect(volume[0]).toBe("Día,Creados,Resueltos");
    expect(volume.slice(1).map((l) => Number(l.split(",")[1]))).toEqual(PER_DAY);
    expect(volume[5]).toBe("2020-03-05,6,1");
    expect(await rows("backlog", "en")).toEqual([
      "Status,Tickets",
      "New,10",
      "In progress,10",
      "Awaiting your reply,10",
      "On hold,0",
      "Reopened,0",
    ]);
    expect(await rows("sla-priority")).toEqual([
      "Prioridad,Primera respuesta: tickets,Primera respuesta: incumplidos,Primera respuesta: % cumplido,Resolución: tickets,Resolución: incumplidos,Resolución: % cumplido",
      "Baja,10,0,100,5,0,100",
      "Alta,11,2,81.8,6,1,83.3",
    ]);
    expect((await rows("sla-department"))[1]).toBe("Informes A,21,2,90.5,11,1,90.9");
    expect((await rows("median-times", "en")).slice(1)).toEqual(["First response,20,20", "Resolution,120,10"]);
    expect((await rows("csat")).slice(1)).toEqual(["1,1", "2,0", "3,0", "4,2", "5,1"]);
    expect((await rows("csat-comments"))[1]).toMatch(/^TK-\d{6},1,Muy lento,2020-03-04T15:00:00.000Z$/);
    expect((await rows("workload")).slice(1)).toEqual(["Test Ana,10,5", "Test Bruno,5,5"]);
  });
});
