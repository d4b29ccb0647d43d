import { ticketProcedure } from "./procedure";
import { listTickets } from "../../tickets/list-tickets";
import { listTicketsInput } from "./list.schema";

export const list = ticketProcedure.input(listTicketsInput).query(({ ctx, input }) => listTickets(ctx.db, ctx.user, input, ctx.now));
