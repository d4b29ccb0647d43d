import { adminProcedure, router } from "../init";
import {
  listPriorityRules,
  loadPriorityPolicy,
  removePriorityRule,
  savePriorityPolicy,
  savePriorityRule,
} from "../../admin/priority-rules";
import {
  priorityPolicyOutput,
  priorityRulesOutput,
  removePriorityRuleInput,
  savePriorityRuleInput,
  savePriorityRuleOutput,
  setPriorityPolicyInput,
} from "./priority-rules.schema";
import { okOutput } from "../outputs";

/** The (type, category) → priority table new tickets take their priority from. */
export const priorityRulesRouter = router({
  list: adminProcedure.output(priorityRulesOutput).query(({ ctx }) => listPriorityRules(ctx.db, ctx.locale)),
  /** Creates the rule of that pair, or changes its priority when it exists. */
  upsert: adminProcedure
    .input(savePriorityRuleInput)
    .output(savePriorityRuleOutput)
    .mutation(({ ctx, input }) => savePriorityRule(ctx.db, input)),
  remove: adminProcedure
    .input(removePriorityRuleInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removePriorityRule(ctx.db, input.id);
      return { ok: true as const };
    }),
  /** Who sets a new ticket's priority (the rule table or the customer) and the fallback priority. */
  policy: adminProcedure.output(priorityPolicyOutput).query(({ ctx }) => loadPriorityPolicy(ctx.db)),
  setPolicy: adminProcedure
    .input(setPriorityPolicyInput)
    .output(priorityPolicyOutput)
    .mutation(({ ctx, input }) => savePriorityPolicy(ctx.db, input)),
});
