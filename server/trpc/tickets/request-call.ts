import { ticketProcedure } from "./procedure";
import { requestCall as request } from "../../tickets/participation";
import { requestCallInput, requestCallOutput } from "./actions.schema";

export const requestCall = ticketProcedure
  .input(requestCallInput)
  .output(requestCallOutput)
  .mutation(({ ctx, input }) => request(ctx.db, ctx.user, input, ctx.now));
