// tickets.merge (a duplicate into another ticket) and tickets.links (related tickets): support only.
import { router, staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { mergeTicket } from "../../tickets/merge";
import { linkTickets, relatedTickets, unlinkTickets } from "../../tickets/links";
import { ticketRefInput } from "./actions.schema";
import { linkInput, linkOutput, mergeInput, mergeOutput, relatedOutput } from "./merge-links.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const merge = staffProcedure
  .input(mergeInput)
  .output(mergeOutput)
  .mutation(({ ctx, input }) => mergeTicket(ctx.db, ctx.user, input.ticket, input.into, ctx.now));

export const links = router({
  list: staffProcedure
    .input(ticketRefInput)
    .output(relatedOutput)
    .query(({ ctx, input }) => relatedTickets(ctx.db, ctx.user, input.ticket)),
  add: staffProcedure
    .input(linkInput)
    .output(linkOutput)
    .mutation(({ ctx, input }) => linkTickets(ctx.db, ctx.user, input.ticket, input.other, ctx.now)),
  remove: staffProcedure
    .input(linkInput)
    .output(linkOutput)
    .mutation(({ ctx, input }) => unlinkTickets(ctx.db, ctx.user, input.ticket, input.other, ctx.now)),
});
