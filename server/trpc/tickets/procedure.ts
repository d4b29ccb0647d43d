import { permission, protectedProcedure } from "../init";

/** Every ticket procedure needs ticketing access (seed 003's can_access_ticketing). */
export const ticketProcedure = protectedProcedure.use(permission("can_access_ticketing"));
