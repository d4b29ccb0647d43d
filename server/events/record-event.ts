// Every change to a ticket is an event in its history; most also show in the thread as a system
// note. Use-cases call these inside their own transaction, so the change and its record commit
// together, and with them the event's place in the dispatch queue: the after-commit work (SLA
// refresh, live announcement, mail) is the dispatcher's (server/after-commit), never the caller's.
import type { Tx } from "../db";
import type { TicketEventKind } from "../db/generated/enums";

/** Kinds that appear in the thread as a system note (the rest live in the history only). */
const shownInThread: ReadonlySet<TicketEventKind> = new Set<TicketEventKind>([
  "status_changed",
  "priority_changed",
  "assigned",
  "department_changed",
  "escalated",
  "call_requested",
  "watcher_added",
  "watcher_removed",
  "sensitive_revealed",
  "sensitive_erased",
  "files_refused",
  "auto_reply_received",
  "call_handled",
  "tags_changed",
  "merged_into",
  "merged_from",
  "linked",
  "unlinked",
  "opened_on_behalf",
]);

export async function recordEvent(
  tx: Tx,
  ticketId: string,
  actorId: string | null,
  kind: TicketEventKind,
  change: { before?: string | null; after?: string | null; detail?: string | null; staffOnly?: boolean; at: Date },
): Promise<bigint> {
  // `at`: the use-case's clock (the request's time), so the history agrees with the ticket's
  // timestamps and the dispatcher derives the SLA as of the change (a tick may run at a simulated time).
  const createdAt = change.at;
  const event = await tx.ticketEvent.create({
    data: {
      ticketId,
      actorId,
      kind,
      before: change.before ?? null,
      after: change.after ?? null,
      detail: change.detail ?? null,
      staffOnly: change.staffOnly ?? false,
      createdAt,
      dispatch: { create: { ticketId, createdAt } },
    },
  });
  if (shownInThread.has(kind)) {
    await tx.message.create({ data: { ticketId, authorId: actorId, kind: "system", body: "", eventId: event.id, createdAt } });
  }
  return event.id;
}
