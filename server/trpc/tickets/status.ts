import { staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { changeStatus } from "../../tickets/change-status";
import { setStatusInput, statusChangeOutput, ticketRefInput } from "./actions.schema";

export const close = ticketProcedure
  .input(ticketRefInput)
  .output(statusChangeOutput)
  .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input.ticket, { kind: "close" }, ctx.now));

export const reopen = ticketProcedure
  .input(ticketRefInput)
  .output(statusChangeOutput)
  .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input.ticket, { kind: "reopen" }, ctx.now));

/** Support sets any status it may (resolve, wait for the customer, hold…). */
export const setStatus = ticketProcedure
  .use(staffOnly)
  .input(setStatusInput)
  .output(statusChangeOutput)
  .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input.ticket, { kind: "set_status", to: input.status }, ctx.now));
