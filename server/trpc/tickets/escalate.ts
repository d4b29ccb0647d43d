import { ticketProcedure } from "./procedure";
import { escalate as escalateTicket } from "../../tickets/participation";
import { escalateInput, escalateOutput } from "./actions.schema";

export const escalate = ticketProcedure
  .input(escalateInput)
  .output(escalateOutput)
  .mutation(async ({ ctx, input }) => {
    const ticket = await escalateTicket(ctx.db, ctx.user, input.ticket, input.reason, ctx.now);
    return { ok: true as const, ticketId: ticket.id };
  });
