// "The requester's other tickets" beside the thread: support staff only, through the visibility rule.
import { staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { listRequesterTickets } from "../../tickets/requester-tickets";
import { ticketRefInput } from "./actions.schema";
import { requesterTicketsOutput } from "./requester-tickets.schema";

export const requesterTickets = ticketProcedure
  .use(staffOnly)
  .input(ticketRefInput)
  .output(requesterTicketsOutput)
  .query(({ ctx, input }) => listRequesterTickets(ctx.db, ctx.user, input.ticket));
