// The automatic transitions of one tick: pending_customer → resolved and resolved → closed when
// their time has come. Due tickets are read in batches; each batch moves in a transaction of its own
// through the same state machine and status write as people's changes (tickets/change-status.ts,
// set-based: a handful of statements per batch), with a compare-and-set on (status, statusChangedAt)
// and the rows another tick holds skipped, so concurrent ticks move each ticket once and a large
// backlog never becomes one giant transaction. Each move is an event with a system note and queues
// its mail.
import type { Db } from "../db";
import { applyAutoTransitions, type DueMove } from "../tickets/change-status";
import { formatTicketNumber } from "../domain/numbering";
import { dueTransitions } from "../lifecycle/ticket-due";
import { loadPolicies } from "../lifecycle/policy";

const BATCH = 500;
const DAY = 86_400_000;

export interface AutoMove {
  ticketId: string;
  reference: string;
  from: "pending_customer" | "resolved";
  to: "resolved" | "closed";
}

export async function runAutoTransitions(db: Db, now: Date, dryRun = false): Promise<AutoMove[]> {
  const policies = await loadPolicies(db);
  // Business days are never shorter than calendar days: nothing younger than the shortest delay can be due.
  const shortest = {
    pending_customer: Math.min(...policies.all.map((p) => p.autoResolveDays)),
    resolved: Math.min(...policies.all.map((p) => p.autoCloseDays)),
  };
  // Each department's policy and calendar read once for the tick, for the due dates and the mails.
  const dueOf = dueTransitions(db, now);
  const moves: AutoMove[] = [];
  for (const from of ["pending_customer", "resolved"] as const) {
    let after: string | undefined;
    for (;;) {
      const batch = await db.ticket.findMany({
        where: { status: from, statusChangedAt: { lte: new Date(+now - shortest[from] * DAY) }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, number: true, status: true, statusChangedAt: true, departmentId: true, organizationId: true },
      });
      const due: { move: AutoMove; at: DueMove }[] = [];
      for (const ticket of batch) {
        const policy = policies.forDepartment(ticket.departmentId);
        const next = await dueOf(ticket);
        if (!next || next.at > now) continue;
        due.push({
          move: { ticketId: ticket.id, reference: formatTicketNumber(ticket.number), from, to: next.to },
          at: { seen: ticket, due: next, policy },
        });
      }
      if (dryRun) moves.push(...due.map((d) => d.move));
      else {
        const moved = await applyAutoTransitions(
          db,
          due.map((d) => d.at),
          now,
          dueOf,
        );
        moves.push(...due.filter((d) => moved.has(d.move.ticketId)).map((d) => d.move));
      }
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.id;
    }
  }
  return moves;
}
