// Runs one change of one ticket (inside the caller's transaction) and then queues the single
// "ticket changed" mail that tells its watchers of everything the change did: an assignment that
// also started the work, a bulk action that assigns and tags. Every use-case that changes a ticket's
// triage fields goes through here, so the ticket page, the bulk bar and the REST API mail alike.
import type { Tx } from "../db";
import { queueChangeMail } from "../notifications/change-mail";

export async function withChangeNotice<T>(tx: Tx, ticketId: string, actorId: string, change: () => Promise<T>): Promise<T> {
  const mark = await tx.ticketEvent.findFirst({ where: { ticketId }, orderBy: { id: "desc" }, select: { id: true } });
  const result = await change();
  const events = await tx.ticketEvent.findMany({
    where: { ticketId, actorId, id: { gt: mark?.id ?? 0n } },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, before: true, after: true, staffOnly: true },
  });
  await queueChangeMail(tx, ticketId, actorId, events);
  return result;
}
