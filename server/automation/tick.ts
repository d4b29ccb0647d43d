// One automation tick: everything time alone changes. Each step is idempotent and safe to run
// concurrently (several nodes, an external scheduler overlapping the built-in one): it re-reads the
// state and records each change with a compare-and-set. Run by the built-in scheduler
// (scheduler.ts), the secret-protected route /api/cron/tick and `npm run automation`.
import type { Db } from "../db";
import { deliverOutbox } from "../notifications/outbox";
import { dispatchPending } from "../after-commit/dispatcher";
import { raiseSlaAlerts } from "../sla/sla-alerts";
import { runAutoTransitions, type AutoMove } from "./auto-transitions";
import { removeStaleUploads } from "../files/pending-uploads";

export interface TickReport {
  at: string;
  dryRun: boolean;
  transitions: AutoMove[];
  slaAlerts: string[];
  mails: { sent: number; failed: number };
}

export async function runTick(db: Db, now = new Date(), options: { dryRun?: boolean } = {}): Promise<TickReport> {
  const dryRun = options.dryRun ?? false;
  const transitions = await runAutoTransitions(db, now, dryRun);
  if (dryRun) return { at: now.toISOString(), dryRun, transitions, slaAlerts: [], mails: { sent: 0, failed: 0 } };
  const slaAlerts = await raiseSlaAlerts(db, now);
  // The tick's changes are events like anyone's: their after-work (people told, deadlines) is the
  // dispatcher's. A tick run outside the server (`npm run automation`) has no dispatcher of its own
  // running, so it drains the queue itself; in the server, its dispatcher shares the work.
  await dispatchPending(db);
  const mails = await deliverOutbox(db);
  // Housekeeping on the wall clock, not the tick's (which may be a simulated moment).
  await removeStaleUploads(db, new Date());
  return { at: now.toISOString(), dryRun, transitions, slaAlerts, mails };
}
