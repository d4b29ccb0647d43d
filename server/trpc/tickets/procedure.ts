import { permission, protectedProcedure } from "../init";
import { afterTicketChange } from "../../tickets/after-change";

/** Every ticket procedure needs ticketing access (seed 003's can_access_ticketing). A mutation that
 * returns the `ticketId` it changed is followed, after commit, by afterTicketChange (SLA deadlines,
 * live announcement). */
export const ticketProcedure = protectedProcedure.use(permission("can_access_ticketing")).use(async ({ ctx, type, next }) => {
  const result = await next();
  const ticketId = result.ok && type === "mutation" ? (result.data as { ticketId?: unknown } | null)?.ticketId : undefined;
  if (typeof ticketId === "string") await afterTicketChange(ctx.db, ticketId, ctx.now);
  return result;
});
