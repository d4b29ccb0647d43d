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

export interface EventRecord {
  ticketId: string;
  actorId: string | null;
  kind: TicketEventKind;
  before?: string | null;
  after?: string | null;
  detail?: string | null;
  staffOnly?: boolean;
  /** The use-case's clock (the request's time), so the history agrees with the ticket's timestamps
   * and the dispatcher derives the SLA as of the change (a tick may run at a simulated time). */
  at: Date;
}

/** Records events with their dispatch rows and, for the kinds shown in the thread, their system
 * notes: three statements however many events (the automation records a batch at a time). Returns
 * the events' ids in the order given. */
export async function recordEvents(tx: Tx, records: EventRecord[]): Promise<bigint[]> {
  if (!records.length) return [];
  // One INSERT … VALUES … RETURNING: PostgreSQL returns the rows in the order of the VALUES list.
  const events = await tx.ticketEvent.createManyAndReturn({
    data: records.map((r) => ({
      ticketId: r.ticketId,
      actorId: r.actorId,
      kind: r.kind,
      before: r.before ?? null,
      after: r.after ?? null,
      detail: r.detail ?? null,
      staffOnly: r.staffOnly ?? false,
      createdAt: r.at,
    })),
    select: { id: true, ticketId: true, kind: true },
  });
  events.forEach((e, i) => {
    if (e.ticketId !== records[i]!.ticketId || e.kind !== records[i]!.kind) throw new Error("recordEvents: rows returned out of order");
  });
  await tx.ticketEventDispatch.createMany({
    data: events.map((e, i) => ({ eventId: e.id, ticketId: e.ticketId, createdAt: records[i]!.at })),
  });
  const notes = events.flatMap((e, i) => {
    const r = records[i]!;
    return shownInThread.has(r.kind)
      ? [{ ticketId: r.ticketId, authorId: r.actorId, kind: "system" as const, body: "", eventId: e.id, createdAt: r.at }]
      : [];
  });
  if (notes.length) await tx.message.createMany({ data: notes });
  return events.map((e) => e.id);
}

export async function recordEvent(
  tx: Tx,
  ticketId: string,
  actorId: string | null,
  kind: TicketEventKind,
  change: { before?: string | null; after?: string | null; detail?: string | null; staffOnly?: boolean; at: Date },
): Promise<bigint> {
  const [id] = await recordEvents(tx, [{ ticketId, actorId, kind, ...change }]);
  return id!;
}
