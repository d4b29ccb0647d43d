import { ticketProcedure } from "./procedure";
import { editMessage as edit, replyToTicket } from "../../tickets/reply";
import { editMessageInput, replyInput } from "./actions.schema";

export const reply = ticketProcedure.input(replyInput).mutation(({ ctx, input }) =>
  replyToTicket(
    ctx.db,
    ctx.user,
    {
      ticket: input.ticket,
      channel: "web",
      body: input.body,
      visibility: input.internal ? "internal" : "public",
      attachmentIds: input.attachmentIds,
      sensitive: input.sensitive ?? null,
    },
    ctx.now,
  ),
);

export const editMessage = ticketProcedure.input(editMessageInput).mutation(({ ctx, input }) => edit(ctx.db, ctx.user, input, ctx.now));
