// What a person may do to a ticket right now, from the same rules the use-cases apply: the state
// machine (close, reopen) and the guards (escalate once per state, ask for a call, rate). The ticket page offers
// only these, so no button leads to a refusal. Pure: no I/O.
import { ratable, takesAdditions } from "./guards";
import { transition, type Actor, type LifecyclePolicy, type TicketStatus } from "./state-machine";

export interface OfferedActions {
  close: boolean;
  reopen: boolean;
  escalate: boolean;
  requestCall: boolean;
  rate: boolean;
}

const isCustomer = (actor: Actor) => actor === "partner" || actor === "org_admin";

/** `escalated`: escalated already in this state (guards.ts, alreadyEscalated). Escalating and asking
 * for a call are the customer's: support has its own controls and answers the call. */
export function offeredActions(status: TicketStatus, actor: Actor, policy: LifecyclePolicy, escalated = false): OfferedActions {
  return {
    close: transition(status, { kind: "close" }, actor, policy).ok,
    reopen: transition(status, { kind: "reopen" }, actor, policy).ok,
    escalate: isCustomer(actor) && takesAdditions(status) && !escalated,
    requestCall: isCustomer(actor) && takesAdditions(status),
    // rateTicket refuses staff (onlyCustomersRate) and anything not closed.
    rate: isCustomer(actor) && ratable(status),
  };
}
