// The automatic transition waiting for one ticket (and when), from its department's policy and its
// business calendar: what the tick acts on and what the ticket page announces ("Se cerrará
// automáticamente el …").
import type { Db } from "../db";
import { calendarFor, toBusinessCalendar } from "../sla/calendars";
import type { TicketStatus } from "../domain/state-machine";
import type { BusinessCalendar } from "../sla/business-calendar";
import type { Tx } from "../db";
import { nextAutoTransition, type AutoTransition } from "./due-dates";
import { policyFor, type Policy } from "./policy";

export type DueTicket = { status: TicketStatus; statusChangedAt: Date; departmentId: number; organizationId: string | null };

export async function dueTransition(db: Db | Tx, ticket: DueTicket, now: Date): Promise<AutoTransition | null> {
  return dueTransitions(db, now)(ticket);
}

/** dueTransition for many tickets: each department's policy and business calendar read once. */
export type DueReader = (ticket: DueTicket) => Promise<AutoTransition | null>;

export function dueTransitions(db: Db | Tx, now: Date): DueReader {
  const rules = new Map<string, { policy: Policy; calendar: BusinessCalendar }>();
  return async (ticket) => {
    if (ticket.status !== "pending_customer" && ticket.status !== "resolved") return null;
    const key = `${ticket.organizationId}/${ticket.departmentId}`;
    let rule = rules.get(key);
    if (!rule) {
      // Sequential: `db` may be a transaction (one connection).
      const policy = await policyFor(db, ticket.departmentId);
      rule = { policy, calendar: toBusinessCalendar(await calendarFor(db, ticket), now) };
      rules.set(key, rule);
    }
    return nextAutoTransition(rule.policy, rule.calendar, ticket);
  };
}
