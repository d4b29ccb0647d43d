import { agentProcedure, permission } from "../init";

/** Saved views are the agent queue's: staff with ticketing access. */
export const savedViewsProcedure = agentProcedure.use(permission("can_access_ticketing"));
