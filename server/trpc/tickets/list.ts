import { ticketProcedure } from "./procedure";
import { listTickets } from "../../tickets/list-tickets";
import { listTicketsInput, listTicketsOutput } from "./list.schema";

export const list = ticketProcedure
  .input(listTicketsInput)
  .output(listTicketsOutput)
  .query(({ ctx, input }) => listTickets(ctx.db, ctx.user, input, ctx.locale, ctx.now));
