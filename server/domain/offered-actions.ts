// What a person may do to a ticket right now, from the same rules the use-cases apply: the state
// machine (close, reopen) and the guards (escalate, ask for a call, rate). The ticket page offers
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

export function offeredActions(status: TicketStatus, actor: Actor, policy: LifecyclePolicy): OfferedActions {
  return {
    close: transition(status, { kind: "close" }, actor, policy).ok,
    reopen: transition(status, { kind: "reopen" }, actor, policy).ok,
    escalate: takesAdditions(status),
    requestCall: takesAdditions(status),
    // rateTicket refuses staff (onlyCustomersRate) and anything not closed.
    rate: isCustomer(actor) && ratable(status),
  };
}
