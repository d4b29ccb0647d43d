// The ticket lifecycle as a pure rule: which actor may do which action from which status, and where
// it leads. Policies (seed 000 defaults vs seed 001 alternatives) are parameters, not branches
// scattered through use-cases. No I/O here.

export const statuses = ["new", "open", "pending_customer", "on_hold", "reopened", "resolved", "closed"] as const;
export type TicketStatus = (typeof statuses)[number];

/** Who acts. A partner is a requester, interested user or member of the ticket's organization. */
export const actors = ["partner", "org_admin", "agent", "admin", "system"] as const;
export type Actor = (typeof actors)[number];

export type Action =
  | { kind: "customer_reply" }
  | { kind: "agent_reply" }
  | { kind: "assign" }
  | { kind: "set_status"; to: TicketStatus }
  | { kind: "close" }
  | { kind: "reopen" }
  | { kind: "auto_resolve" }
  | { kind: "auto_close" };

export interface LifecyclePolicy {
  /** Seed 000 (default): a customer closes only what support marked resolved. Seed 001: any time. */
  customerMayClose: "after_resolved" | "any_time";
}
export const defaultLifecyclePolicy: LifecyclePolicy = { customerMayClose: "after_resolved" };

export type Transition =
  | { ok: true; to: TicketStatus }
  | {
      ok: false;
      reason: "not_allowed_for_actor" | "closed_needs_reopen" | "close_before_resolved" | "invalid_from_status" | "already_in_status";
    };

/** Resolved or closed: support's work is done, no SLA clock runs. */
export const finishedStatuses = ["resolved", "closed"] as const satisfies readonly TicketStatus[];
export const isFinished = (s: TicketStatus) => s === "resolved" || s === "closed";

const customer = (a: Actor) => a === "partner" || a === "org_admin";
const staff = (a: Actor) => a === "agent" || a === "admin";
const allow = (to: TicketStatus): Transition => ({ ok: true, to });
const refuse = (reason: Extract<Transition, { ok: false }>["reason"]): Transition => ({ ok: false, reason });

/** Statuses an agent may set by hand; `new` is only ever the starting point. */
export const agentSettableStatuses: readonly TicketStatus[] = ["open", "pending_customer", "on_hold", "resolved", "closed", "reopened"];

export function transition(from: TicketStatus, action: Action, actor: Actor, policy: LifecyclePolicy = defaultLifecyclePolicy): Transition {
  switch (action.kind) {
    case "customer_reply":
      if (!customer(actor)) return refuse("not_allowed_for_actor");
      if (from === "closed") return refuse("closed_needs_reopen");
      // A reply answers support's question or contradicts "resolved": back to work.
      return allow(from === "pending_customer" || from === "resolved" ? "open" : from);

    case "agent_reply":
      if (!staff(actor)) return refuse("not_allowed_for_actor");
      if (from === "closed") return refuse("closed_needs_reopen");
      return allow(from === "new" ? "open" : from);

    case "assign":
      if (!staff(actor)) return refuse("not_allowed_for_actor");
      return allow(from === "new" ? "open" : from);

    case "set_status": {
      if (!staff(actor)) return refuse("not_allowed_for_actor");
      if (action.to === from) return refuse("already_in_status");
      if (!agentSettableStatuses.includes(action.to)) return refuse("invalid_from_status");
      if (action.to === "reopened" && !isFinished(from)) return refuse("invalid_from_status");
      return allow(action.to);
    }

    case "close":
      if (from === "closed") return refuse("already_in_status");
      if (staff(actor)) return allow("closed");
      if (!customer(actor)) return refuse("not_allowed_for_actor");
      if (policy.customerMayClose === "after_resolved" && from !== "resolved") return refuse("close_before_resolved");
      return allow("closed");

    case "reopen":
      if (actor === "system") return refuse("not_allowed_for_actor");
      if (!isFinished(from)) return refuse("invalid_from_status");
      return allow("reopened");

    case "auto_resolve":
      if (actor !== "system") return refuse("not_allowed_for_actor");
      return from === "pending_customer" ? allow("resolved") : refuse("invalid_from_status");

    case "auto_close":
      if (actor !== "system") return refuse("not_allowed_for_actor");
      return from === "resolved" ? allow("closed") : refuse("invalid_from_status");
  }
}

/** Mis Tickets tabs (seed 000): which statuses each shows; `active` is the agent queue's default
 * (everything support still has to work on). */
export const statusTabs = {
  open: ["new", "open", "pending_customer", "on_hold"],
  active: ["new", "open", "pending_customer", "on_hold", "reopened"],
  reopened: ["reopened"],
  closed: ["resolved", "closed"],
  all: statuses,
} as const satisfies Record<string, readonly TicketStatus[]>;
