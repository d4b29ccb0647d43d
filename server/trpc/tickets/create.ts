import { ticketProcedure } from "./procedure";
import { createTicket } from "../../tickets/create-ticket";
import { formatTicketNumber } from "../../domain/numbering";
import { createTicketInput, createTicketOutput, type CreateTicketInput } from "./create.schema";
import type { OpenTicket } from "../../tickets/commands";
import { requireCaptcha, ticketCaptchaRequired } from "../captcha";
import type { Principal } from "../../access/principal";
import { channelOf } from "./channel";
import { fieldRefusal } from "../field-refusal";

/** The form's (or the REST body's) fields, in the domain's words. */
const fromForm = (user: Principal, input: CreateTicketInput): OpenTicket => ({
  channel: channelOf(user),
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
  sourceArticleId: input.sourceArticleId,
});

export const create = ticketProcedure
  .input(createTicketInput)
  .output(createTicketOutput)
  .mutation(async ({ ctx, input }) => {
    const channel = channelOf(ctx.user);
    // The panel's form asks for a category (seed 004: choosing the right one routes the ticket); an
    // API client, like mail, may leave it to support. The CAPTCHA is the web form's only.
    if (channel === "web" && input.categoryId === null) throw fieldRefusal("categoryId", "Validation.required");
    if (channel === "web" && (await ticketCaptchaRequired(ctx))) await requireCaptcha(ctx, input.captcha);
    const ticket = await createTicket(ctx.db, ctx.user, fromForm(ctx.user, input), ctx.now);
    return { ...ticket, ticketId: ticket.id, reference: formatTicketNumber(ticket.number) };
  });
