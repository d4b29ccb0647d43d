import { describe, expect, it } from "vitest";
import { initialPriority, priorityFromRules, type PriorityRule } from "../../server/domain/priority-rules";

const rules: PriorityRule[] = [
  { type: "incident", categoryId: null, priority: "high" },
  { type: null, categoryId: 7, priority: "low" },
  { type: "incident", categoryId: 7, priority: "urgent" },
];

describe("priority rules", () => {
  it("prefers the most specific rule", () => {
    expect(priorityFromRules(rules, "incident", 7, "medium")).toBe("urgent");
    expect(priorityFromRules(rules, "request", 7, "medium")).toBe("low");
    expect(priorityFromRules(rules, "incident", 3, "medium")).toBe("high");
    expect(priorityFromRules(rules, "request", 3, "medium")).toBe("medium");
  });

  it("ignores the customer's choice under the default policy", () => {
    expect(initialPriority({ mode: "rules", fallback: "medium" }, rules, { type: "request", categoryId: 3, chosen: "critical" })).toBe(
      "medium",
    );
  });

  it("accepts low, medium or urgent from the customer under the alternative policy, medium otherwise", () => {
    const policy = { mode: "customer_choice" as const, fallback: "medium" as const };
    expect(initialPriority(policy, rules, { type: "incident", categoryId: 7, chosen: "low" })).toBe("low");
    expect(initialPriority(policy, rules, { type: "incident", categoryId: 7, chosen: "urgent" })).toBe("urgent");
    expect(initialPriority(policy, rules, { type: "incident", categoryId: 7, chosen: "critical" })).toBe("medium");
    expect(initialPriority(policy, rules, { type: "incident", categoryId: 7 })).toBe("medium");
  });
});
