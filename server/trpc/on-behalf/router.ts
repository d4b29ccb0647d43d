// Support opening a ticket for a customer: the choices, the customer search, and the opening itself.
import { router, staffOnly } from "../init";
import { ticketProcedure } from "../tickets/procedure";
import { formatTicketNumber } from "../../domain/numbering";
import { createTicketOnBehalf } from "../../tickets/create-ticket";
import { onBehalfOptions, searchRequesters } from "../../tickets/on-behalf-options";
import {
  onBehalfOptionsOutput,
  openOnBehalfInput,
  openOnBehalfOutput,
  requesterSearchInput,
  requesterSearchOutput,
} from "./on-behalf.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const onBehalfRouter = router({
  options: staffProcedure.output(onBehalfOptionsOutput).query(({ ctx }) => onBehalfOptions(ctx.db, ctx.user, ctx.locale)),
  requesters: staffProcedure
    .input(requesterSearchInput)
    .output(requesterSearchOutput)
    .query(({ ctx, input }) => searchRequesters(ctx.db, input)),
  open: staffProcedure
    .input(openOnBehalfInput)
    .output(openOnBehalfOutput)
    .mutation(async ({ ctx, input }) => {
      const ticket = await createTicketOnBehalf(ctx.db, ctx.user, input, ctx.now);
      return { ...ticket, ticketId: ticket.id, reference: formatTicketNumber(ticket.number) };
    }),
});
