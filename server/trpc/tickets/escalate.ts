import { ticketProcedure } from "./procedure";
import { escalate as escalateTicket } from "../../tickets/participation";
import { escalateInput } from "./actions.schema";

export const escalate = ticketProcedure.input(escalateInput).mutation(async ({ ctx, input }) => {
  const ticket = await escalateTicket(ctx.db, ctx.user, input.ticket, input.reason, ctx.now);
  return { ok: true as const, ticketId: ticket.id };
});
