import { ticketProcedure } from "./procedure";
import { createTicket } from "../../tickets/create-ticket";
import { formatTicketNumber } from "../../domain/numbering";
import { createTicketInput, createTicketOutput, type CreateTicketInput } from "./create.schema";
import type { OpenTicket } from "../../tickets/commands";
import { requireCaptcha, ticketCaptchaRequired } from "../captcha";

/** The web form's fields, in the domain's words. */
const fromForm = (input: CreateTicketInput): OpenTicket => ({
  channel: "web",
  type: input.type,
  departmentId: input.departmentId,
  categoryId: input.categoryId,
  organizationId: input.organizationId,
  serviceIds: input.serviceIds,
  watcherIds: input.watcherIds,
  subject: input.subject,
  body: input.description,
  requestedPriority: input.priority ?? null,
  attachmentIds: input.attachmentIds,
  sensitive: input.sensitive ?? null,
});

export const create = ticketProcedure
  .input(createTicketInput)
  .output(createTicketOutput)
  .mutation(async ({ ctx, input }) => {
    if (await ticketCaptchaRequired(ctx)) await requireCaptcha(ctx, input.captcha);
    const ticket = await createTicket(ctx.db, ctx.user, fromForm(input), ctx.now);
    return { ...ticket, ticketId: ticket.id, reference: formatTicketNumber(ticket.number) };
  });
