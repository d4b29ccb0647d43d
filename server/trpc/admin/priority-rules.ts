import { adminProcedure, router } from "../init";
import { listPriorityRules, removePriorityRule, savePriorityRule } from "../../admin/priority-rules";
import { removePriorityRuleInput, savePriorityRuleInput } from "./priority-rules.schema";

/** The (type, category) → priority table new tickets take their priority from. */
export const priorityRulesRouter = router({
  list: adminProcedure.query(({ ctx }) => listPriorityRules(ctx.db)),
  /** Creates the rule of that pair, or changes its priority when it exists. */
  upsert: adminProcedure.input(savePriorityRuleInput).mutation(({ ctx, input }) => savePriorityRule(ctx.db, input)),
  remove: adminProcedure.input(removePriorityRuleInput).mutation(async ({ ctx, input }) => {
    await removePriorityRule(ctx.db, input.id);
    return { ok: true as const };
  }),
});
