// How a new ticket gets its priority. Default policy (seed 000): customers cannot choose; a rule
// table maps (type, category) to a priority. Alternative (seed 002): the customer picks low, medium
// or urgent (default medium). Agents may always change it afterwards.

export const priorities = ["low", "medium", "high", "urgent", "critical"] as const;
export type Priority = (typeof priorities)[number];
export const ticketTypes = ["incident", "request"] as const;
export type TicketType = (typeof ticketTypes)[number];

export const customerChoosablePriorities: readonly Priority[] = ["low", "medium", "urgent"];

export interface PriorityRule {
  type: TicketType | null; // null: any type
  categoryId: number | null; // null: any category
  priority: Priority;
}

export type PriorityPolicy = { mode: "rules"; fallback: Priority } | { mode: "customer_choice"; fallback: Priority };
export const defaultPriorityPolicy: PriorityPolicy = { mode: "rules", fallback: "medium" };

/** The most specific matching rule wins: type and category, then category, then type. */
export function priorityFromRules(
  rules: readonly PriorityRule[],
  type: TicketType,
  categoryId: number | null,
  fallback: Priority,
): Priority {
  const score = (r: PriorityRule) =>
    (r.type === null || r.type === type) && (r.categoryId === null || r.categoryId === categoryId)
      ? (r.categoryId !== null ? 2 : 0) + (r.type !== null ? 1 : 0)
      : -1;
  let best: PriorityRule | undefined;
  for (const rule of rules) if (score(rule) >= 0 && (!best || score(rule) > score(best))) best = rule;
  return best?.priority ?? fallback;
}

/** The priority a new ticket starts with; a customer's choice only counts where policy lets it. */
export function initialPriority(
  policy: PriorityPolicy,
  rules: readonly PriorityRule[],
  ticket: { type: TicketType; categoryId: number | null; chosen?: Priority | null },
): Priority {
  if (policy.mode === "customer_choice") {
    return ticket.chosen && customerChoosablePriorities.includes(ticket.chosen) ? ticket.chosen : policy.fallback;
  }
  return priorityFromRules(rules, ticket.type, ticket.categoryId, policy.fallback);
}
