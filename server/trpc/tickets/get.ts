import { ticketProcedure } from "./procedure";
import { getTicket } from "../../tickets/get-ticket";
import { ticketRefInput } from "./actions.schema";

export const get = ticketProcedure.input(ticketRefInput).query(({ ctx, input }) => getTicket(ctx.db, ctx.user, input.ticket, ctx.now));
