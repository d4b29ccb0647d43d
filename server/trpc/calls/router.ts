// Support's call work: the queue of open call requests, and marking one handled with its outcome.
import { router } from "../init";
import { ticketProcedure } from "../tickets/procedure";
import { staffOnly } from "../init";
import { formatTicketNumber } from "../../domain/numbering";
import { handleCall, openCalls } from "../../tickets/handle-call";
import { handleCallInput, handleCallOutput, openCallsOutput } from "./calls.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const callsRouter = router({
  /** Pending call requests of the agent's departments, soonest window first. */
  open: staffProcedure
    .output(openCallsOutput)
    .query(async ({ ctx }) =>
      (await openCalls(ctx.db, ctx.user)).map((c) => ({ ...c, ticket: { ...c.ticket, reference: formatTicketNumber(c.ticket.number) } })),
    ),
  handle: staffProcedure
    .input(handleCallInput)
    .output(handleCallOutput)
    .mutation(({ ctx, input }) => handleCall(ctx.db, ctx.user, input, ctx.now)),
});
