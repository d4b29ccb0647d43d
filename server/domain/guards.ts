// Guards every channel applies before adding to a ticket. Pure: they read the ticket, nothing else.
import { AppError } from "../errors/app-error";
import type { TicketStatus } from "./state-machine";

/** A closed ticket takes nothing new (reply, note, edit, escalation, call, file) until it is reopened. */
export const takesAdditions = (status: TicketStatus): boolean => status !== "closed";

export function assertNotClosed(ticket: { status: TicketStatus }): void {
  if (!takesAdditions(ticket.status)) throw new AppError("conflict", "closedNeedsReopen");
}

/** Escalation is once per state: a ticket escalated since it entered its status, with no public
 * answer from support since, is escalated already (a second one would only mail staff again). */
export const alreadyEscalated = (
  ticket: { escalatedAt: Date | null; statusChangedAt: Date },
  lastSupportAnswerAt: Date | null,
): ticket is { escalatedAt: Date; statusChangedAt: Date } =>
  !!ticket.escalatedAt &&
  ticket.escalatedAt >= ticket.statusChangedAt &&
  !(lastSupportAnswerAt && lastSupportAnswerAt > ticket.escalatedAt);

/** Support is rated once a ticket is closed (one rating per close, changeable until a reopen). */
export const ratable = (status: TicketStatus): boolean => status === "closed";
