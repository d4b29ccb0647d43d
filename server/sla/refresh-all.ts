// After an SLA policy, a calendar or a calendar assignment changes, the deadlines stored on open
// tickets (slaClock, slaNearAt, slaDueAt) are stale: they are re-derived here, ticket by ticket, in
// batches by id so any number of tickets is walked with bounded memory. Resolved and closed tickets
// have both clocks stopped and need nothing. `where` narrows the walk to the tickets a change can
// touch (one priority, one department…); the default is every open ticket.
import { finishedStatuses } from "../domain/state-machine";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { refreshTicketSla } from "./ticket-sla";

const BATCH = 500;

/** Returns how many tickets were refreshed. A ticket that fails is logged and skipped (the others
 * still get their new deadlines); its own next change re-derives it. */
export async function refreshOpenTicketsSla(db: Db, now: Date, where: Prisma.TicketWhereInput = {}): Promise<number> {
  let after: string | undefined;
  let refreshed = 0;
  for (;;) {
    const batch = await db.ticket.findMany({
      where: { AND: [where, { status: { notIn: [...finishedStatuses] } }, after ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    for (const { id } of batch) {
      try {
        await refreshTicketSla(db, id, now);
        refreshed++;
      } catch (error) {
        console.error(`[sla] refresh of ticket ${id} failed`, error);
      }
    }
    if (batch.length < BATCH) return refreshed;
    after = batch.at(-1)!.id;
  }
}
