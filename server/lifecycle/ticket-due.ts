// The automatic transition waiting for one ticket (and when), from its department's policy and its
// business calendar: what the tick acts on and what the ticket page announces ("Se cerrará
// automáticamente el …").
import type { Db } from "../db";
import { calendarFor, toBusinessCalendar } from "../sla/calendars";
import type { TicketStatus } from "../domain/state-machine";
import type { Tx } from "../db";
import { nextAutoTransition, type AutoTransition } from "./due-dates";
import { policyFor } from "./policy";

export async function dueTransition(
  db: Db | Tx,
  ticket: { status: TicketStatus; statusChangedAt: Date; departmentId: number; organizationId: string | null },
  now: Date,
): Promise<AutoTransition | null> {
  if (ticket.status !== "pending_customer" && ticket.status !== "resolved") return null;
  // Sequential: `db` may be a transaction (one connection).
  const policy = await policyFor(db, ticket.departmentId);
  const stored = await calendarFor(db, ticket);
  return nextAutoTransition(policy, toBusinessCalendar(stored, now), ticket);
}
