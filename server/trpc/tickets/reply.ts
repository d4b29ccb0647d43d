import { ticketProcedure } from "./procedure";
import { channelOf } from "./channel";
import { editMessage as edit, replyToTicket } from "../../tickets/reply";
import { editMessageInput, editMessageOutput, replyInput, replyOutput } from "./actions.schema";

export const reply = ticketProcedure
  .input(replyInput)
  .output(replyOutput)
  .mutation(({ ctx, input }) =>
    replyToTicket(
      ctx.db,
      ctx.user,
      {
        ticket: input.ticket,
        channel: channelOf(ctx.user),
        body: input.body,
        visibility: input.internal ? "internal" : "public",
        attachmentIds: input.attachmentIds,
        sensitive: input.sensitive ?? null,
      },
      ctx.now,
    ),
  );

export const editMessage = ticketProcedure
  .input(editMessageInput)
  .output(editMessageOutput)
  .mutation(({ ctx, input }) => edit(ctx.db, ctx.user, input, ctx.now));
