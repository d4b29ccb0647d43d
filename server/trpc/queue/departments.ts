import { agentProcedure } from "../init";
import { departmentsOf } from "../../departments/list";
import { queueDepartmentsOutput } from "./departments.schema";

/** The departments whose queue this agent works. */
export const departments = agentProcedure.output(queueDepartmentsOutput).query(({ ctx }) => departmentsOf(ctx.db, ctx.user, ctx.locale));
