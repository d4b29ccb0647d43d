import { ticketProcedure } from "./procedure";
import { createTicket } from "../../tickets/create-ticket";
import { formatTicketNumber } from "../../domain/numbering";
import { createTicketInput } from "./create.schema";

export const create = ticketProcedure.input(createTicketInput).mutation(async ({ ctx, input }) => {
  const ticket = await createTicket(ctx.db, ctx.user, input, ctx.now);
  return { ...ticket, ticketId: ticket.id, reference: formatTicketNumber(ticket.number) };
});
