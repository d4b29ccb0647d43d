// A priority rule: (type, category) → priority, null meaning "any".
import { z } from "zod";
import { priorities, ticketTypes } from "../../domain/priority-rules";
import { priorityField, serialIdField, ticketTypeField } from "../../validation/fields";
import { departmentWithCategories, serialId } from "../outputs";

const ruleIdField = serialIdField;

export const savePriorityRuleInput = z.object({
  type: ticketTypeField.nullable(),
  categoryId: serialIdField.nullable(),
  priority: priorityField,
});
export const removePriorityRuleInput = z.object({ id: ruleIdField });

/** A rule with its category (and the category's department) named; null type or category: any. */
export const priorityRuleOutput = z.object({
  id: serialId,
  type: z.enum(ticketTypes).nullable(),
  categoryId: serialId.nullable(),
  priority: z.enum(priorities),
  category: z.object({ id: serialId, name: z.string(), department: z.object({ id: serialId, name: z.string() }) }).nullable(),
});
export const priorityRulesOutput = z.object({ rules: z.array(priorityRuleOutput), departments: z.array(departmentWithCategories) });
/** The saved rule, and whether it is new (false: the pair's rule was changed). */
export const savePriorityRuleOutput = z.object({ rule: priorityRuleOutput, created: z.boolean() });

/** Who sets a new ticket's priority: the rule table (seed 000) or the customer (seed 002). */
export const priorityModes = ["rules", "customer_choice"] as const;
/** The policy; `fallback` is the priority when no rule matches (rules) or the customer chose none. */
export const setPriorityPolicyInput = z.object({
  mode: z.enum(priorityModes, { error: "Validation.invalid" }),
  fallback: priorityField,
});
export const priorityPolicyOutput = z.object({ mode: z.enum(priorityModes), fallback: z.enum(priorities) });
