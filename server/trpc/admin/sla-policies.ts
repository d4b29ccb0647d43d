import { adminProcedure, router } from "../init";
import { listSlaPolicies, setSlaPolicy } from "../../sla/policies";
import { setSlaPolicyInput, slaPoliciesOutput, slaPolicyOutput } from "./sla-policies.schema";

/** SLA targets per priority; a change re-derives the deadlines of that priority's open tickets. */
export const slaPoliciesRouter = router({
  list: adminProcedure.output(slaPoliciesOutput).query(({ ctx }) => listSlaPolicies(ctx.db)),
  set: adminProcedure
    .input(setSlaPolicyInput)
    .output(slaPolicyOutput)
    .mutation(({ ctx, input }) => setSlaPolicy(ctx.db, input, ctx.now)),
});
