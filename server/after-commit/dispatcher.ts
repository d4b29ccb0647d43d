// The work that follows a committed change, driven by the event table rather than by whoever made
// the change: every TicketEvent is queued in TicketEventDispatch in the change's own transaction,
// and this dispatcher re-derives the ticket's SLA deadlines, tells everyone following it (with the
// latest event id they may see) and starts the mail it queued. The panel, the API, inbound mail, the
// automation tick and a script all get the same after-work without calling anything.
//
// Claims are leases (like the outbox's): rows are taken with FOR UPDATE SKIP LOCKED so several
// nodes share the queue, and a row is deleted only after its work is done. A process killed between
// commit and dispatch, or in the middle of a dispatch, leaves its rows for the next run (after the
// lease for claimed ones). Every step re-reads the database, so doing one twice is harmless.
import type { Db } from "../db";
import { kickOutbox } from "../notifications/outbox";
import { announceTicketChange } from "../realtime/ticket-changes";
import { refreshTicketSla } from "../sla/ticket-sla";

const BATCH = 200;
const LEASE_MS = 60_000;

interface Claimed {
  eventId: bigint;
  ticketId: string;
  createdAt: Date;
}

async function claim(db: Db, now: Date): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "TicketEventDispatch" SET "claimedUntil" = ${new Date(+now + LEASE_MS)}
    WHERE "eventId" IN (
      SELECT "eventId" FROM "TicketEventDispatch"
      WHERE "claimedUntil" IS NULL OR "claimedUntil" < ${now}
      ORDER BY "eventId" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING "eventId", "ticketId", "createdAt"`;
}

/** One ticket's after-work, as of its latest event in the batch (the change's own clock). */
async function afterChange(db: Db, ticketId: string, at: Date): Promise<void> {
  await refreshTicketSla(db, ticketId, at);
  await announceTicketChange(db, ticketId);
}

/** Handles every queued event, batch after batch; returns how many were handled. A ticket whose
 * work fails keeps its rows (retried after the lease); the others go on. */
export async function dispatchPending(db: Db, now = () => new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await claim(db, now());
    if (!batch.length) return handled;
    const byTicket = new Map<string, { at: Date; events: bigint[] }>();
    for (const row of batch.sort((a, b) => (a.eventId < b.eventId ? -1 : 1))) {
      const entry = byTicket.get(row.ticketId) ?? { at: row.createdAt, events: [] };
      if (row.createdAt > entry.at) entry.at = row.createdAt;
      entry.events.push(row.eventId);
      byTicket.set(row.ticketId, entry);
    }
    const done: bigint[] = [];
    for (const [ticketId, { at, events }] of byTicket) {
      try {
        await afterChange(db, ticketId, at);
        done.push(...events);
      } catch (error) {
        console.error(`[dispatch] after-work of ticket ${ticketId} failed; retried later`, error);
      }
    }
    await db.ticketEventDispatch.deleteMany({ where: { eventId: { in: done } } });
    handled += done.length;
    kickOutbox();
    if (done.length === 0) return handled; // everything failed: leave it to the next run
  }
}
