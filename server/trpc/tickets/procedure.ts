import { permission, protectedProcedure } from "../init";

/** Every ticket procedure needs ticketing access (seed 003's can_access_ticketing). What follows a
 * change (SLA deadlines, live announcement, mail) is the after-commit dispatcher's, for every channel. */
export const ticketProcedure = protectedProcedure.use(permission("can_access_ticketing"));
