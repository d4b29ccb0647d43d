import { ticketProcedure } from "./procedure";
import { getTicket } from "../../tickets/get-ticket";
import { ticketRefInput } from "./actions.schema";
import { ticketDetailOutput } from "./get.schema";

export const get = ticketProcedure
  .input(ticketRefInput)
  .output(ticketDetailOutput)
  .query(({ ctx, input }) => getTicket(ctx.db, ctx.user, input.ticket, ctx.locale, ctx.now));
