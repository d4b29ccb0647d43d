import { agentProcedure } from "../init";
import { departmentsOf } from "../../departments/list";

/** The departments whose queue this agent works. */
export const departments = agentProcedure.query(({ ctx }) => departmentsOf(ctx.db, ctx.user));
