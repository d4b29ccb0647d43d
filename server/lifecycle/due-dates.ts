// When time alone moves a ticket on: pending_customer → resolved after N business days without a
// customer reply; resolved → closed after N calendar or business days. Pure given the policy and the
// ticket's business calendar.
import { addBusinessDays, type BusinessCalendar } from "../sla/business-calendar";
import type { TicketStatus } from "../domain/state-machine";
import type { Policy } from "./policy";

const DAY = 86_400_000;

export type AutoTransition = { to: "resolved" | "closed"; at: Date; days: number; unit: "calendar" | "business" };

export function nextAutoTransition(
  policy: Policy,
  cal: BusinessCalendar,
  ticket: { status: TicketStatus; statusChangedAt: Date },
): AutoTransition | null {
  if (ticket.status === "pending_customer") {
    const days = policy.autoResolveDays;
    return { to: "resolved", at: addBusinessDays(cal, ticket.statusChangedAt, days), days, unit: "business" };
  }
  if (ticket.status === "resolved") {
    const days = policy.autoCloseDays;
    const unit = policy.autoCloseUnit;
    const at = unit === "business" ? addBusinessDays(cal, ticket.statusChangedAt, days) : new Date(+ticket.statusChangedAt + days * DAY);
    return { to: "closed", at, days, unit };
  }
  return null;
}

/** The event detail of an automatic transition, read back by the thread's system note. */
export const autoDetail = (t: AutoTransition) => `auto:${t.days}:${t.unit}`;
