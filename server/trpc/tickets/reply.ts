import { ticketProcedure } from "./procedure";
import { editMessage as edit, replyToTicket } from "../../tickets/reply";
import { editMessageInput, replyInput } from "./actions.schema";

export const reply = ticketProcedure.input(replyInput).mutation(({ ctx, input }) => replyToTicket(ctx.db, ctx.user, input, ctx.now));

export const editMessage = ticketProcedure.input(editMessageInput).mutation(({ ctx, input }) => edit(ctx.db, ctx.user, input, ctx.now));
