// One automation tick: everything time alone changes. Each step is idempotent and safe to run
// concurrently (several nodes, an external scheduler overlapping the built-in one): it re-reads the
// state and records each change with a compare-and-set. Run by the built-in scheduler
// (scheduler.ts) and by the secret-protected route /api/cron/tick.
import type { Db } from "../db";
import { afterTicketChange } from "../tickets/after-change";
import { raiseSlaAlerts } from "../sla/sla-alerts";

export interface TickReport {
  at: string;
  slaAlerts: string[];
}

export async function runTick(db: Db, now = new Date()): Promise<TickReport> {
  const slaAlerts = await raiseSlaAlerts(db, now);
  for (const ticketId of slaAlerts) await afterTicketChange(db, ticketId, now);
  return { at: now.toISOString(), slaAlerts };
}
