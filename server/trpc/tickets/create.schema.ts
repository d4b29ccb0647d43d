import { z } from "zod";
import { id, ticketChangeOutput } from "../outputs";
import { captchaField } from "../../captcha/field";
import {
  attachmentIdsField,
  bodyField,
  categoryIdField,
  departmentIdField,
  idField,
  priorityField,
  serialIdField,
  sensitiveField,
  subjectField,
  ticketTypeField,
} from "../../validation/fields";

export const createTicketInput = z.object({
  type: ticketTypeField,
  departmentId: departmentIdField,
  /** Required on the web form (create.ts); an API client may leave it out. */
  categoryId: categoryIdField.nullable().default(null),
  organizationId: idField.nullable().default(null),
  serviceIds: z.array(idField).max(20).default([]),
  subject: subjectField,
  description: bodyField,
  watcherIds: z.array(idField).max(20).default([]),
  /** Only counts where the policy lets customers choose. */
  priority: priorityField.optional(),
  attachmentIds: attachmentIdsField,
  sensitive: sensitiveField,
  /** The CAPTCHA's solution, where an admin asks for it on this form (tickets.formOptions says). */
  captcha: captchaField,
  /** The published help-centre article the ticket is opened from ("Crear ticket" on its page). */
  sourceArticleId: serialIdField.nullable().default(null),
});
export type CreateTicketInput = z.output<typeof createTicketInput>;

/** The new ticket: its id (also as `ticketId`), number and reference (TK-000042). */
export const createTicketOutput = ticketChangeOutput.extend({ id, number: z.number().int(), reference: z.string() });
