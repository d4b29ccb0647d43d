// P2 (list pages) and P3 (keyword search): tickets.list over HTTP, signed in, for every filter ×
// sort × direction; the floor is the SQL Mesa ran for the same input (captured from the same domain
// function), replayed on a bare connection. Every query's plan is saved beside the results.
import { listTicketsInput, type ListTicketsInput } from "../../../server/trpc/tickets/list.schema";
import { listTickets } from "../../../server/tickets/list-tickets";
import type { BenchContext, SignedIn } from "../harness/context";
import { saveBeside, signIn } from "../harness/context";
import { explain, replay } from "../harness/sql-capture";
import { load, round, summarize, type Result } from "../harness/stats";

interface Case {
  label: string;
  who: SignedIn;
  input: Partial<ListTicketsInput>;
}

async function measureCases(ctx: BenchContext, id: string, cases: Case[], rounds: number) {
  const mesa: number[] = [];
  const floor: number[] = [];
  const perCase: { label: string; mesaP95: number; floorP95: number; rows: number; queries: number }[] = [];
  const plans: string[] = [];
  let mesaWall = 0;
  let floorWall = 0;
  for (const c of cases) {
    const input = listTicketsInput.parse(c.input);
    const queries = await ctx.capture.capture(() => listTickets(ctx.capture.db, c.who.principal, input, "es", new Date()));
    plans.push(`==== ${c.label}\n${await explain(ctx.bare, queries)}`);
    let rows = 0;
    // Warm both paths (plans cached, pages in memory) before timing.
    for (let i = 0; i < 2; i++) {
      rows = (await c.who.http.query<{ items: unknown[] }>("tickets.list", c.input)).items.length;
      await replay(ctx.bare, queries);
    }
    const m = await load(rounds, 1, () => c.who.http.query("tickets.list", c.input));
    const f = await load(rounds, 1, () => replay(ctx.bare, queries));
    mesa.push(...m.samples);
    floor.push(...f.samples);
    mesaWall += m.wallMs;
    floorWall += f.wallMs;
    perCase.push({
      label: c.label,
      mesaP95: summarize(m.samples, m.wallMs).p95,
      floorP95: summarize(f.samples, f.wallMs).p95,
      rows,
      queries: queries.length,
    });
  }
  saveBeside(ctx, `${id}-explain.txt`, plans.join("\n"));
  const ms = summarize(mesa, mesaWall);
  const fs = summarize(floor, floorWall);
  perCase.sort((a, b) => b.mesaP95 - a.mesaP95);
  return { mesa: ms, floor: fs, ratio: round(ms.p95 / fs.p95), worst: perCase.slice(0, 5), cases: perCase.length };
}

export async function p2Lists(ctx: BenchContext): Promise<Result[]> {
  const rounds = ctx.quick ? 5 : 15;
  const orgadmin = await signIn(ctx, "orgadmin@demo.test");
  const agent = await signIn(ctx, "agent@demo.test");
  const soporte = agent.principal.departmentIds[0]!;
  const customerCases: Case[] = [];
  for (const tab of ["open", "active", "reopened", "closed", "all"] as const)
    for (const sort of ["updated", "created", "status"] as const)
      for (const dir of ["desc", "asc"] as const)
        customerCases.push({ label: `orgadmin ${tab} ${sort} ${dir}`, who: orgadmin, input: { tab, sort, dir } });
  customerCases.push(
    { label: "orgadmin all priority=high", who: orgadmin, input: { tab: "all", priority: ["high"] } },
    { label: "orgadmin all department", who: orgadmin, input: { tab: "all", departmentId: [soporte] } },
    { label: "orgadmin all status=open", who: orgadmin, input: { tab: "all", status: ["open"] } },
    { label: "orgadmin open page 40 with count", who: orgadmin, input: { tab: "open", page: 40, withCount: true } },
  );
  const queueCases: Case[] = [];
  for (const view of ["all", "unassigned", "mine", "sla"] as const)
    for (const sort of ["updated", "created", "status", "sla"] as const)
      for (const dir of ["desc", "asc"] as const)
        queueCases.push({
          label: `agent ${view} ${sort} ${dir}`,
          who: agent,
          input: { view, tab: "open", sort, dir, departmentId: [soporte] },
        });
  const counts = await ctx.bare.query<{ acme: string; open: string }>(
    `SELECT (SELECT count(*) FROM "Ticket" t JOIN "Organization" o ON o.id = t."organizationId" WHERE o.name = 'Acme Hosting') AS acme,
            (SELECT count(*) FROM "Ticket" WHERE "departmentId" = $1 AND status IN ('new','open','pending_customer','on_hold')) AS open`,
    [soporte],
  );
  const results: Result[] = [];
  for (const [id, label, cases] of [
    ["P2a", `Mis Tickets, org with ${counts.rows[0]!.acme} tickets (${customerCases.length} filter × sort × dir)`, customerCases],
    ["P2b", `agent queue, dept with ${counts.rows[0]!.open} open (${queueCases.length} views × sorts × dir)`, queueCases],
  ] as const) {
    ctx.log(`${id}: ${label}`);
    const r = await measureCases(ctx, id, cases, rounds);
    results.push({
      id,
      measure: label,
      mesa: r.mesa,
      floor: r.floor,
      ratio: { value: r.ratio, of: "p95 ÷ floor p95" },
      target: "p95 < 25 ms, ≤ 2× floor",
      pass: r.mesa.p95 < 25 && r.ratio <= 2,
      extra: { worstCases: r.worst, cases: r.cases },
    });
  }
  for (const who of [orgadmin, agent]) await who.http.close();
  return results;
}

export async function p3Search(ctx: BenchContext): Promise<Result[]> {
  const rounds = ctx.quick ? 5 : 15;
  const orgadmin = await signIn(ctx, "orgadmin@demo.test");
  const agent = await signIn(ctx, "agent@demo.test");
  const cases: Case[] = [];
  for (const q of [
    "certificado",
    "error 500",
    "factura duplicada",
    "wordpress ssl",
    "migracion servidor",
    "mailbox unavailable",
    "renovar dominio cliente",
    "TK-000042",
  ]) {
    cases.push({ label: `orgadmin "${q}"`, who: orgadmin, input: { tab: "all", q } });
    cases.push({ label: `agent "${q}"`, who: agent, input: { tab: "all", q, departmentId: agent.principal.departmentIds } });
  }
  const messages = await ctx.bare.query<{ n: string }>(`SELECT count(*) AS n FROM "Message"`);
  ctx.log(`P3: keyword search over ${messages.rows[0]!.n} messages`);
  const r = await measureCases(ctx, "P3", cases, rounds);
  for (const who of [orgadmin, agent]) await who.http.close();
  return [
    {
      id: "P3",
      measure: `keyword search over ${messages.rows[0]!.n} messages (${cases.length} queries)`,
      mesa: r.mesa,
      floor: r.floor,
      ratio: { value: r.ratio, of: "p95 ÷ floor p95" },
      target: "p95 < 60 ms, ≤ 2× floor",
      pass: r.mesa.p95 < 60 && r.ratio <= 2,
      extra: { worstCases: r.worst },
    },
  ];
}
