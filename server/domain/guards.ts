// Guards every channel applies before adding to a ticket. Pure: they read the ticket, nothing else.
import { AppError } from "../errors/app-error";
import type { TicketStatus } from "./state-machine";

/** A closed ticket takes nothing new (reply, note, edit, escalation, call, file) until it is reopened. */
export const takesAdditions = (status: TicketStatus): boolean => status !== "closed";

export function assertNotClosed(ticket: { status: TicketStatus }): void {
  if (!takesAdditions(ticket.status)) throw new AppError("conflict", "closedNeedsReopen");
}

/** Support is rated once a ticket is closed (one rating per close, changeable until a reopen). */
export const ratable = (status: TicketStatus): boolean => status === "closed";
