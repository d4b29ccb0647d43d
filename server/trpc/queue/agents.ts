import { agentProcedure } from "../init";
import { deskAgents } from "../../tickets/staff-actions";
import { queueAgentsOutput } from "./agents.schema";

/** The people the queue's bulk bar offers as assignees. */
export const agents = agentProcedure.output(queueAgentsOutput).query(({ ctx }) => deskAgents(ctx.db, ctx.user));
