// Support's actions on a ticket: take/assign, transfer, priority, and the workspace's choices.
import { staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { findVisibleTicket } from "../../access/find-visible";
import { assignableAgents, assignTicket, setPriority as prioritize, transferTicket } from "../../tickets/staff-actions";
import { ticketRefInput } from "./actions.schema";
import { assignInput, assigneesOutput, setPriorityInput, staffActionOutput, transferInput } from "./staff.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const assign = staffProcedure
  .input(assignInput)
  .output(staffActionOutput)
  .mutation(({ ctx, input }) => assignTicket(ctx.db, ctx.user, input.ticket, input.assigneeId, ctx.now));

/** "Asignarme": the agent takes the ticket. */
export const take = staffProcedure
  .input(ticketRefInput)
  .output(staffActionOutput)
  .mutation(({ ctx, input }) => assignTicket(ctx.db, ctx.user, input.ticket, ctx.user.id, ctx.now));

export const transfer = staffProcedure
  .input(transferInput)
  .output(staffActionOutput)
  .mutation(({ ctx, input }) => transferTicket(ctx.db, ctx.user, input.ticket, input.departmentId, ctx.now));

export const setPriority = staffProcedure
  .input(setPriorityInput)
  .output(staffActionOutput)
  .mutation(({ ctx, input }) => prioritize(ctx.db, ctx.user, input.ticket, input.priority, ctx.now));

export const assignees = staffProcedure
  .input(ticketRefInput)
  .output(assigneesOutput)
  .query(async ({ ctx, input }) => {
    const ticket = await findVisibleTicket(ctx.db, ctx.user, input.ticket);
    return assignableAgents(ctx.db, ticket.departmentId);
  });
