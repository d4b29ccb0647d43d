import { permission, protectedProcedure } from "../init";
import { announceTicketChange } from "../../realtime/ticket-changes";

/** Every ticket procedure needs ticketing access (seed 003's can_access_ticketing). A mutation that
 * returns the `ticketId` it changed is announced, after commit, to everyone following that ticket. */
export const ticketProcedure = protectedProcedure.use(permission("can_access_ticketing")).use(async ({ ctx, type, next }) => {
  const result = await next();
  const ticketId = result.ok && type === "mutation" ? (result.data as { ticketId?: unknown } | null)?.ticketId : undefined;
  if (typeof ticketId === "string") {
    await announceTicketChange(ctx.db, ticketId).catch((error: unknown) => console.error("[realtime] announce failed", error));
  }
  return result;
});
