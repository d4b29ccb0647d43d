import { ticketProcedure } from "./procedure";
import { rateTicket } from "../../tickets/participation";
import { rateInput } from "./actions.schema";

export const rate = ticketProcedure.input(rateInput).mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.user, input, ctx.now));
