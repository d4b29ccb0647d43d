// A reports dataset with known numbers, shared by the reports' integration test and their Chromium
// journey: 40 tickets of one department over 10 days (2, 3, 4, 5, 6, 6, 5, 4, 3, 2 a day), every 4th
// solved, 3 SLA breaches, ratings 5, 4, 4, 1 (the 1 with a comment), two assignees; plus 5 tickets of
// another department. Everything in March 2020, far from the demo's tickets.
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";

export const REPORT_PER_DAY = [2, 3, 4, 5, 6, 6, 5, 4, 3, 2];
export const reportDay = (i: number) => `2020-03-${String(i + 1).padStart(2, "0")}`;
export const REPORT_RANGE = { from: "2020-03-01", to: "2020-03-10" };

export interface ReportsDataset {
  deptA: number;
  deptB: number;
  agentA: { id: string; name: string };
  agentB: { id: string; name: string };
}

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** Builds the dataset for `requesterId`; `suffix` keeps department slugs and emails apart between runs. */
export async function buildReportsDataset(
  db: Db,
  options: { requesterId: string; password: string; suffix: string },
): Promise<ReportsDataset> {
  const { requesterId, password, suffix } = options;
  const deptA = (await db.department.create({ data: { name: "Informes A", slug: `informes-a-${suffix}` } })).id;
  const deptB = (await db.department.create({ data: { name: "Informes B", slug: `informes-b-${suffix}` } })).id;
  const agent = (label: string) =>
    upsertUser(db, {
      email: `${label.toLowerCase()}-${suffix}@example.test`,
      name: `Test ${label}`,
      role: "agent",
      password,
      departmentIds: [deptA],
    });
  const [agentA, agentB] = [await agent("Ana"), await agent("Bruno")];
  let k = 0;
  for (const [i, n] of REPORT_PER_DAY.entries()) {
    for (let j = 0; j < n; j++, k++) {
      const createdAt = new Date(`${reportDay(i)}T12:00:00Z`); // 13:00 in Madrid, the agents' zone
      const solved = k % 4 === 0;
      const status = solved ? "resolved" : k % 4 === 1 ? "open" : k % 4 === 2 ? "pending_customer" : "new";
      const assigneeId = k % 4 === 1 ? agentA.id : solved ? (k < 20 ? agentA.id : agentB.id) : k % 4 === 2 && k < 20 ? agentB.id : null;
      const ticket = await db.ticket.create({
        data: {
          type: "incident",
          priority: k < 20 ? "high" : "low",
          subject: `Informe ${k}`,
          departmentId: deptA,
          requesterId,
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
            userId: requesterId,
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
        requesterId,
        status: "open",
        createdAt: new Date("2020-03-02T12:00:00Z"),
      },
    });
  return { deptA, deptB, agentA: { id: agentA.id, name: agentA.name }, agentB: { id: agentB.id, name: agentB.name } };
}
