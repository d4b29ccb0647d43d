// The agent's reports on a dataset with known numbers (tests/support/reports-dataset.ts): 40 tickets
// of one department over 10 days, 3 SLA breaches, ratings 5, 4, 4, 1; plus 5 tickets of another
// department that the department's agent must not see.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { reportCsv } from "../../server/reports/csv";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, PASSWORD, signedIn, type SignedIn } from "../support/factories";
import { buildReportsDataset, REPORT_PER_DAY, REPORT_RANGE, reportDay } from "../support/reports-dataset";

let world: DemoWorld;
let db: Db;
let agentA: SignedIn;
let agentB: SignedIn;
let admin: SignedIn;
let partner: SignedIn;
let deptB: number;

const PER_DAY = REPORT_PER_DAY;
const day = reportDay;
const range = REPORT_RANGE;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  partner = await world.login("partner@demo.test");
  const dataset = await buildReportsDataset(db, { requesterId: partner.id, password: PASSWORD, suffix: "int" });
  ({ deptB } = dataset);
  agentA = await signedIn(db, dataset.agentA.id);
  agentB = await signedIn(db, dataset.agentB.id);
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
