// Guards every channel applies before adding to a ticket. Pure: they read the ticket, nothing else.
import { AppError } from "../errors/app-error";
import type { TicketStatus } from "./state-machine";

/** A closed ticket takes nothing new (reply, note, edit, escalation, call, file) until it is reopened. */
export function assertNotClosed(ticket: { status: TicketStatus }): void {
  if (ticket.status === "closed") throw new AppError("conflict", "closedNeedsReopen");
}
