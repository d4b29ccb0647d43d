import { ticketProcedure } from "./procedure";
import { requestCall as request } from "../../tickets/participation";
import { requestCallInput } from "./actions.schema";

export const requestCall = ticketProcedure.input(requestCallInput).mutation(({ ctx, input }) => request(ctx.db, ctx.user, input, ctx.now));
