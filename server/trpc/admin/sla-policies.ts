import { adminProcedure, router } from "../init";
import { listSlaPolicies, setSlaPolicy } from "../../sla/policies";
import { setSlaPolicyInput } from "./sla-policies.schema";

/** SLA targets per priority; a change re-derives the deadlines of that priority's open tickets. */
export const slaPoliciesRouter = router({
  list: adminProcedure.query(({ ctx }) => listSlaPolicies(ctx.db)),
  set: adminProcedure.input(setSlaPolicyInput).mutation(({ ctx, input }) => setSlaPolicy(ctx.db, input, ctx.now)),
});
