// A priority rule: (type, category) → priority, null meaning "any".
import { z } from "zod";
import { priorityField, ticketTypeField } from "../../validation/fields";

const ruleIdField = z.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).positive({ error: "Validation.invalid" });

export const savePriorityRuleInput = z.object({
  type: ticketTypeField.nullable(),
  categoryId: z.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).positive({ error: "Validation.invalid" }).nullable(),
  priority: priorityField,
});
export const removePriorityRuleInput = z.object({ id: ruleIdField });
