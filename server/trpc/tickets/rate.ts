import { ticketProcedure } from "./procedure";
import { rateTicket } from "../../tickets/participation";
import { rateInput, rateOutput } from "./actions.schema";

export const rate = ticketProcedure
  .input(rateInput)
  .output(rateOutput)
  .mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.user, input, ctx.now));
