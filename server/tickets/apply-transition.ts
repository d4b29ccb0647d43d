// Moves a ticket through the state machine inside a transaction: checks the rule, stamps the
// lifecycle timestamps, and records the change. Refusals become translated domain errors.
import { AppError } from "../errors/app-error";
import type { Ticket } from "../db/generated/client";
import { defaultLifecyclePolicy, transition, type Action, type Actor, type LifecyclePolicy, type TicketStatus } from "../domain/state-machine";
import type { Tx } from "../db";
import { recordEvent } from "../events/record-event";
import { dueTransition } from "../lifecycle/ticket-due";
import { queueTicketMail } from "../notifications/ticket-mail";
import { eraseSensitive } from "../sensitive/sensitive-info";

const reasons = {
  not_allowed_for_actor: ["forbidden", "transitionNotAllowed"],
  closed_needs_reopen: ["conflict", "closedNeedsReopen"],
  close_before_resolved: ["conflict", "closeBeforeResolved"],
  invalid_from_status: ["conflict", "transitionNotAllowed"],
  already_in_status: ["conflict", "alreadyInStatus"],
} as const;

/** A closed ticket takes nothing new (reply, note, edit, escalation, call) until it is reopened. */
export function assertNotClosed(ticket: Pick<Ticket, "status">): void {
  if (ticket.status === "closed") throw new AppError(...reasons.closed_needs_reopen);
}

/** The status the action leads to, or throws the reason it may not happen. */
export function nextStatus(ticket: Pick<Ticket, "status">, action: Action, actor: Actor, policy: LifecyclePolicy = defaultLifecyclePolicy): TicketStatus {
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
    ...(to === "resolved" || to === "closed" ? { slaClock: null, slaNearAt: null, slaDueAt: null } : {}),
    ...(to === "reopened" ? { resolvedAt: null, closedAt: null } : {}),
  };
}

/** Writes a status change (when there is one) with its event, and queues the mails it sends
 * (resolved, closed). */
export async function writeStatus(tx: Tx, ticket: Ticket, to: TicketStatus, actorId: string | null, now: Date): Promise<Ticket> {
  if (to === ticket.status) return ticket;
  const updated = await tx.ticket.update({ where: { id: ticket.id }, data: statusChangeData(to, now) });
  const eventId = await recordEvent(tx, ticket.id, actorId, "status_changed", { before: ticket.status, after: to, at: now });
  if (to === "closed") await eraseSensitive(tx, ticket.id, actorId, now);
  if (to === "resolved" || to === "closed") {
    const closesAt = to === "resolved" ? (await dueTransition(tx, updated, now))?.at : null;
    await queueTicketMail(tx, { ticketId: ticket.id, eventId, kind: to, actorId, closesAt });
  }
  return updated;
}
