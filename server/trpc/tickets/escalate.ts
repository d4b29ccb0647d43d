import { ticketProcedure } from "./procedure";
import { escalate as escalateTicket } from "../../tickets/participation";
import { notifyEscalation } from "../../email/escalation-mail";
import { escalateInput } from "./actions.schema";

export const escalate = ticketProcedure.input(escalateInput).mutation(async ({ ctx, input }) => {
  const ticket = await escalateTicket(ctx.db, ctx.user, input.ticket, input.reason, ctx.now);
  await notifyEscalation(ctx.db, ticket, { name: ctx.user.name, reason: input.reason });
  return { ok: true as const, ticketId: ticket.id };
});
