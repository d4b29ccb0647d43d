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
import { recordEvent } from "../events/record-event";
import { dueTransition } from "../lifecycle/ticket-due";
import { autoDetail, type AutoTransition } from "../lifecycle/due-dates";
import type { Policy } from "../lifecycle/policy";
import { queueTicketMail } from "../notifications/ticket-mail";
import { eraseSensitive } from "../sensitive/sensitive-info";

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
  /** Write only if the ticket is still as read (status and since when): concurrent ticks move it once. */
  expect?: Pick<Ticket, "status" | "statusChangedAt">;
  /** No resolved/closed mail: the caller sends its own (a merge tells where the conversation goes on). */
  quiet?: boolean;
}

/** Writes a status change (when there is one) with its event, erases the sensitive box on close and
 * queues the mails it sends (resolved, closed; their automatic kinds). The one write path for every
 * status change, by people and by the automation alike. Returns null when `expect` no longer held. */
export async function writeStatus(
  tx: Tx,
  ticket: Ticket,
  to: TicketStatus,
  actorId: string | null,
  now: Date,
  cause: TransitionCause = {},
): Promise<Ticket | null> {
  if (to === ticket.status) return ticket;
  const guard = cause.expect ? { status: cause.expect.status, statusChangedAt: cause.expect.statusChangedAt } : {};
  const won = await tx.ticket.updateMany({ where: { id: ticket.id, ...guard }, data: statusChangeData(to, now) });
  if (won.count !== 1) return null; // another writer moved it first
  const updated = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  const auto = cause.auto;
  const eventId = await recordEvent(tx, ticket.id, actorId, "status_changed", {
    before: ticket.status,
    after: to,
    detail: auto ? autoDetail(auto.due) : null,
    at: now,
  });
  if (to === "closed") await eraseSensitive(tx, ticket.id, actorId, now);
  if (isFinished(to) && !cause.quiet) {
    const closesAt = to === "resolved" ? (await dueTransition(tx, updated, now))?.at : null;
    const kind = auto ? (to === "resolved" ? "auto_resolved" : "auto_closed") : to;
    await queueTicketMail(tx, {
      ticketId: ticket.id,
      eventId,
      kind,
      actorId,
      closesAt,
      ...(auto ? { days: auto.due.days, unit: auto.due.unit, policy: auto.policy } : {}),
    });
  }
  return updated;
}
