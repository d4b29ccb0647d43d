// Near-breach (80 %) and breach of SLA clocks, recorded once each as ticket events. Run by the
// automation tick over the tickets whose stored deadline has passed; the clock is re-read before
// anything is recorded, and the record is a compare-and-set on the ticket row, so overlapping ticks
// (several nodes) record each alert exactly once.
import { finishedStatuses } from "../domain/state-machine";
import type { Db } from "../db";
import type { SlaAlert, SlaClock } from "../db/generated/enums";
import { recordEvent } from "../events/record-event";
import { refreshTicketSla } from "./ticket-sla";

const BATCH = 200;
const rank = (a: SlaAlert | null) => (a === "breached" ? 2 : a === "near_breach" ? 1 : 0);
const column = { first_response: "slaResponseAlert", resolution: "slaResolutionAlert" } as const;

/** Returns the tickets that got an alert (to announce them). */
export async function raiseSlaAlerts(db: Db, now: Date): Promise<string[]> {
  const alerted: string[] = [];
  let after: string | undefined;
  for (;;) {
    const batch = await db.ticket.findMany({
      where: {
        slaNearAt: { lte: now },
        status: { notIn: [...finishedStatuses] },
        OR: [
          { slaClock: "first_response", OR: [{ slaResponseAlert: null }, { slaResponseAlert: "near_breach", slaDueAt: { lte: now } }] },
          { slaClock: "resolution", OR: [{ slaResolutionAlert: null }, { slaResolutionAlert: "near_breach", slaDueAt: { lte: now } }] },
        ],
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, updatedAt: true, slaResponseAlert: true, slaResolutionAlert: true },
    });
    for (const ticket of batch) {
      const sla = await refreshTicketSla(db, ticket.id, now);
      if (!sla) continue;
      let raised = false;
      for (const clock of ["first_response", "resolution"] as SlaClock[]) {
        const state = sla.clocks[clock].state;
        const want: SlaAlert | null = state === "breached" ? "breached" : state === "near_breach" ? "near_breach" : null;
        const had = clock === "first_response" ? ticket.slaResponseAlert : ticket.slaResolutionAlert;
        if (!want || rank(want) <= rank(had) || sla.clocks[clock].stopped) continue;
        raised =
          (await db.$transaction(async (tx) => {
            const won = await tx.ticket.updateMany({
              where: { id: ticket.id, [column[clock]]: had },
              data: { [column[clock]]: want, updatedAt: ticket.updatedAt },
            });
            if (won.count !== 1) return false; // another tick recorded it
            await recordEvent(tx, ticket.id, null, want === "breached" ? "sla_breached" : "sla_near_breach", {
              detail: clock,
              staffOnly: true,
              at: now,
            });
            return true;
          })) || raised;
      }
      if (raised) alerted.push(ticket.id);
    }
    if (batch.length < BATCH) return alerted;
    after = batch.at(-1)!.id;
  }
}
