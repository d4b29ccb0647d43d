// P6: the automation tick's transitions with the dataset's backlog due (its pending_customer
// tickets have waited long enough to be resolved: ≈ 100 000 at 1 M). Mesa moves each ticket through
// the state machine in a transaction of its own, with its event, system note and mail. The floor: one
// bare `UPDATE … RETURNING` of the same rows (rolled back, so Mesa then finds them due).
import { runAutoTransitions } from "../../../server/automation/auto-transitions";
import { loadPolicies } from "../../../server/lifecycle/policy";
import type { BenchContext } from "../harness/context";
import { mesaDb } from "../harness/in-process";
import { round, type Result } from "../harness/stats";

const DAY = 86_400_000;

export async function p6Automation(ctx: BenchContext): Promise<Result[]> {
  const db = await mesaDb(ctx);
  const now = new Date();
  const policies = await loadPolicies(db);
  const cutoff = new Date(+now - Math.min(...policies.all.map((p) => p.autoResolveDays)) * DAY);

  await ctx.bare.query("BEGIN");
  const f0 = performance.now();
  const floor = await ctx.bare.query(
    `UPDATE "Ticket" SET status = 'resolved', "statusChangedAt" = now(), "resolvedAt" = now(), "updatedAt" = now()
     WHERE status = 'pending_customer' AND "statusChangedAt" <= $1 RETURNING id`,
    [cutoff],
  );
  const floorMs = performance.now() - f0;
  await ctx.bare.query("ROLLBACK");
  ctx.log(`P6: floor moved ${floor.rowCount} rows in ${Math.round(floorMs)} ms`);

  ctx.server.resetPeak();
  const t0 = performance.now();
  const moves = await runAutoTransitions(db, now);
  const mesaMs = performance.now() - t0;
  const resolved = moves.filter((m) => m.to === "resolved").length;
  ctx.log(`P6: Mesa moved ${moves.length} tickets (${resolved} resolved) in ${Math.round(mesaMs / 1000)} s`);
  const mesaRate = moves.length / (mesaMs / 1000);
  const floorRate = (floor.rowCount ?? 0) / (floorMs / 1000);
  const share = round((mesaRate / floorRate) * 100);
  return [
    {
      id: "P6",
      measure: `automation tick, ${moves.length} tickets due (floor: ${floor.rowCount} rows)`,
      ratio: { value: share, of: "% of floor rows/s" },
      target: "< 20 s, ≥ 25 % of floor",
      pass: mesaMs < 20_000 && share >= 25,
      notes: [
        `Mesa ${round(mesaMs / 1000)} s (${Math.round(mesaRate)} tickets/s); floor ${Math.round(floorMs)} ms (${Math.round(floorRate)} rows/s)`,
        `server RSS peak meanwhile ${ctx.server.peakRssMb()} MB (its dispatcher handles the moves' after-work)`,
      ],
      extra: { moved: moves.length, mesaMs: round(mesaMs), floorRows: floor.rowCount, floorMs: round(floorMs) },
    },
  ];
}
