// What follows every committed change to a ticket: its SLA deadlines are re-derived from the new
// state, everyone following it is told, and the mails it queued start on their way. All of it reads
// the database again, so running it twice (or late) is harmless.
import type { Db } from "../db";
import { kickOutbox } from "../notifications/outbox";
import { announceTicketChange } from "../realtime/ticket-changes";
import { refreshTicketSla } from "../sla/ticket-sla";

export async function afterTicketChange(db: Db, ticketId: string, now = new Date(), options: { mail?: boolean } = {}): Promise<void> {
  await refreshTicketSla(db, ticketId, now).catch((error: unknown) => console.error("[sla] refresh failed", error));
  await announceTicketChange(db, ticketId).catch((error: unknown) => console.error("[realtime] announce failed", error));
  if (options.mail ?? true) kickOutbox();
}
