// Moves a ticket through the state machine inside a transaction: checks the rule, stamps the
// lifecycle timestamps, and records the change. Refusals become translated domain errors.
import { AppError } from "../errors/app-error";
import type { Ticket } from "../db/generated/client";
import {
  defaultLifecyclePolicy,
  isFinished,
  transition,
  type Action,
  type Actor,
  type LifecyclePolicy,
  type TicketStatus,
} from "../domain/state-machine";
import type { Tx } from "../db";
import { recordEvents } from "../events/record-event";
import { dueTransitions } from "../lifecycle/ticket-due";
import { autoDetail, type AutoTransition } from "../lifecycle/due-dates";
import type { Policy } from "../lifecycle/policy";
import { queueTicketMails, type TicketMailInput } from "../notifications/ticket-mail";
import { eraseSensitiveOf } from "../sensitive/sensitive-info";

const reasons = {
  not_allowed_for_actor: ["forbidden", "transitionNotAllowed"],
  closed_needs_reopen: ["conflict", "closedNeedsReopen"],
  close_before_resolved: ["conflict", "closeBeforeResolved"],
  invalid_from_status: ["conflict", "transitionNotAllowed"],
  already_in_status: ["conflict", "alreadyInStatus"],
} as const;

/** The status the action leads to, or throws the reason it may not happen. */
export function nextStatus(
  ticket: Pick<Ticket, "status">,
  action: Action,
  actor: Actor,
  policy: LifecyclePolicy = defaultLifecyclePolicy,
): TicketStatus {
  const result = transition(ticket.status, action, actor, policy);
  if (!result.ok) {
    const [code, key] = reasons[result.reason];
    throw new AppError(code, key);
  }
  return result.to;
}

/** The columns a move to `to` writes: the status, when it changed, and the lifecycle stamps. */
export function statusChangeData(to: TicketStatus, now: Date) {
  return {
    status: to,
    statusChangedAt: now,
    updatedAt: now,
    ...(to === "resolved" ? { resolvedAt: now } : {}),
    ...(to === "closed" ? { closedAt: now, closeCount: { increment: 1 } } : {}),
    // A resolved or closed ticket has no running SLA clock (a reopen re-derives them).
    ...(isFinished(to) ? { slaClock: null, slaNearAt: null, slaDueAt: null } : {}),
    ...(to === "reopened" ? { resolvedAt: null, closedAt: null } : {}),
  };
}

/** How a status change came about, when not by a person's own hand. */
export interface TransitionCause {
  /** The automation's move, with the rule that made it due (the event's detail and the mail say it). */
  auto?: { due: AutoTransition; policy: Policy };
  /** No resolved/closed mail: the caller sends its own (a merge tells where the conversation goes on). */
  quiet?: boolean;
}

/** One status change for writeStatuses: the ticket as read, where it goes, and how it came about. */
export interface StatusWrite {
  ticket: Ticket;
  to: TicketStatus;
  cause?: TransitionCause;
}

/** Writes a status change (when there is one) with its event, erases the sensitive box on close and
 * queues the mails it sends (resolved, closed; their automatic kinds). The one write path for every
 * status change, by people and by the automation alike. */
export async function writeStatus(
  tx: Tx,
  ticket: Ticket,
  to: TicketStatus,
  actorId: string | null,
  now: Date,
  cause: TransitionCause = {},
): Promise<Ticket> {
  const [written] = await writeStatuses(tx, [{ ticket, to, cause }], actorId, now);
  return written!;
}

/** writeStatus for many tickets in one go (the automation's batch): one UPDATE … RETURNING per
 * target status, then the events, erasures and mails each in a statement or two for the whole set.
 * Returns, in the order given, each ticket as written. */
export async function writeStatuses(
  tx: Tx,
  writes: StatusWrite[],
  actorId: string | null,
  now: Date,
  /** When each resolved ticket closes by itself (the mail says so); the tick passes its own reader. */
  dueOf = dueTransitions(tx, now),
): Promise<Ticket[]> {
  const written = new Map<string, Ticket>();
  const moves = writes.filter((w) => w.to !== w.ticket.status);
  for (const to of new Set(moves.map((w) => w.to))) {
    const group = moves.filter((w) => w.to === to);
    // Last writer wins, as for any field a person edits; the tick reads its batch FOR UPDATE, so
    // nobody moves those rows between its read and this write.
    const rows = await tx.ticket.updateManyAndReturn({
      where: { id: { in: group.map((w) => w.ticket.id) } },
      data: statusChangeData(to, now),
    });
    for (const row of rows) written.set(row.id, row);
  }
  const won = moves.filter((w) => written.has(w.ticket.id)); // a ticket deleted meanwhile is not written
  const eventIds = await recordEvents(
    tx,
    won.map(({ ticket, to, cause }) => ({
      ticketId: ticket.id,
      actorId,
      kind: "status_changed" as const,
      before: ticket.status,
      after: to,
      detail: cause?.auto ? autoDetail(cause.auto.due) : null,
      at: now,
    })),
  );
  await eraseSensitiveOf(
    tx,
    won.filter((w) => w.to === "closed").map((w) => w.ticket.id),
    actorId,
    now,
  );
  const mails: TicketMailInput[] = [];
  for (const [i, { ticket, to, cause }] of won.entries()) {
    if (!isFinished(to) || cause?.quiet) continue;
    const updated = written.get(ticket.id)!;
    const auto = cause?.auto;
    const closesAt = to === "resolved" ? (await dueOf(updated))?.at : null;
    const kind = auto ? (to === "resolved" ? "auto_resolved" : "auto_closed") : to;
    mails.push({
      ticketId: ticket.id,
      eventId: eventIds[i]!,
      kind,
      actorId,
      closesAt,
      ...(auto ? { days: auto.due.days, unit: auto.due.unit, policy: auto.policy } : {}),
    });
  }
  await queueTicketMails(tx, mails);
  return writes.map((w) => written.get(w.ticket.id) ?? w.ticket);
}
