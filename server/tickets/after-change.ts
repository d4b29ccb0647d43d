// What follows every committed change to a ticket: its SLA deadlines are re-derived from the new
// state, then everyone following it is told. Both are recomputed from the database, so running
// them again (or late) is harmless.
import type { Db } from "../db";
import { announceTicketChange } from "../realtime/ticket-changes";
import { refreshTicketSla } from "../sla/ticket-sla";

export async function afterTicketChange(db: Db, ticketId: string, now = new Date()): Promise<void> {
  await refreshTicketSla(db, ticketId, now).catch((error: unknown) => console.error("[sla] refresh failed", error));
  await announceTicketChange(db, ticketId).catch((error: unknown) => console.error("[realtime] announce failed", error));
}
