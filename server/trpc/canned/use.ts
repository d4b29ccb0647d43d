// The reply box: the canned replies filled for one ticket, and sending with a macro applied.
import { staffOnly } from "../init";
import { ticketProcedure } from "../tickets/procedure";
import { channelOf } from "../tickets/channel";
import { cannedForTicket } from "../../canned-replies/for-ticket";
import { replyWithMacro } from "../../canned-replies/reply-with-macro";
import { cannedForTicketOutput, forTicketInput, replyWithMacroInput, replyWithMacroOutput } from "./canned.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const forTicket = staffProcedure
  .input(forTicketInput)
  .output(cannedForTicketOutput)
  .query(({ ctx, input }) => cannedForTicket(ctx.db, ctx.user, input.ticket, ctx.locale));

export const reply = staffProcedure
  .input(replyWithMacroInput)
  .output(replyWithMacroOutput)
  .mutation(({ ctx, input }) =>
    replyWithMacro(
      ctx.db,
      ctx.user,
      {
        ticket: input.ticket,
        channel: channelOf(ctx.user),
        body: input.body,
        visibility: input.internal ? "internal" : "public",
        attachmentIds: input.attachmentIds,
        sensitive: null,
      },
      input.cannedId,
      ctx.now,
    ),
  );
