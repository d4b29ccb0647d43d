import { z } from "zod";
import { attachmentIdsField, bodyField, departmentIdField, idField, priorityField, sensitiveField, subjectField, ticketTypeField } from "../../validation/fields";

export const createTicketInput = z.object({
  type: ticketTypeField,
  departmentId: departmentIdField,
  categoryId: z.coerce.number({ error: "Validation.required" }).int().positive({ error: "Validation.required" }),
  organizationId: idField.nullable().default(null),
  serviceIds: z.array(idField).max(20).default([]),
  subject: subjectField,
  description: bodyField,
  watcherIds: z.array(idField).max(20).default([]),
  /** Only counts where the policy lets customers choose. */
  priority: priorityField.optional(),
  attachmentIds: attachmentIdsField,
  sensitive: sensitiveField,
});
export type CreateTicketInput = z.output<typeof createTicketInput>;
