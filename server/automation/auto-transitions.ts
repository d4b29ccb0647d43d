// The automatic transitions of one tick: pending_customer → resolved and resolved → closed when
// their time has come. Due tickets are read in batches and each moves in a transaction of its own
// through the same state machine and status write as people's changes (tickets/change-status.ts),
// with a compare-and-set on (status, statusChangedAt), so concurrent ticks move each ticket once
// and a large backlog never becomes one giant transaction. Each move is an event with a system note
// and queues its mail.
import type { Db } from "../db";
import { calendarFor, toBusinessCalendar } from "../sla/calendars";
import { applyAutoTransition } from "../tickets/change-status";
import { formatTicketNumber } from "../domain/numbering";
import { nextAutoTransition } from "../lifecycle/due-dates";
import { loadPolicies } from "../lifecycle/policy";

const BATCH = 200;
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
  const calendars = new Map<string, ReturnType<typeof toBusinessCalendar>>();
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
      for (const ticket of batch) {
        const key = `${ticket.organizationId}/${ticket.departmentId}`;
        if (!calendars.has(key)) calendars.set(key, toBusinessCalendar(await calendarFor(db, ticket), now));
        const policy = policies.forDepartment(ticket.departmentId);
        const due = nextAutoTransition(policy, calendars.get(key)!, ticket);
        if (!due || due.at > now) continue;
        const move: AutoMove = { ticketId: ticket.id, reference: formatTicketNumber(ticket.number), from, to: due.to };
        if (dryRun) {
          moves.push(move);
          continue;
        }
        const moved = await applyAutoTransition(db, ticket, due, policy, now);
        if (moved) moves.push(move);
      }
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.id;
    }
  }
  return moves;
}
