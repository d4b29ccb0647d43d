// Inputs of the actions on one ticket. `ticket` is its number (TK-000042) or id.
import { z } from "zod";
import { phoneField } from "../../users/fields";
import { attachmentIdsField, bodyField, idField, sensitiveField, statusField, ticketRefField } from "../../validation/fields";

export const ticketRefInput = z.object({ ticket: ticketRefField });
export const replyInput = z.object({ ticket: ticketRefField, body: bodyField, internal: z.boolean().default(false), attachmentIds: attachmentIdsField, sensitive: sensitiveField });
export const editMessageInput = z.object({ messageId: idField, body: bodyField });
export const watcherInput = z.object({ ticket: ticketRefField, userId: idField });
export const muteInput = z.object({ ticket: ticketRefField, muted: z.boolean() });
export const escalateInput = z.object({
  ticket: ticketRefField,
  reason: z.string().trim().min(1, { error: "Validation.required" }).max(2000, { error: "Validation.tooLong" }),
});
export const requestCallInput = z.object({
  ticket: ticketRefField,
  phone: phoneField.unwrap(),
  windowStart: z.coerce.date({ error: "Validation.required" }),
  windowEnd: z.coerce.date({ error: "Validation.required" }),
  note: z.string().trim().max(500, { error: "Validation.tooLong" }).nullish(),
});
export const rateInput = z.object({
  ticket: ticketRefField,
  stars: z.number({ error: "Validation.stars" }).int().min(1, { error: "Validation.stars" }).max(5, { error: "Validation.stars" }),
  comment: z.string().trim().max(2000, { error: "Validation.tooLong" }).nullish(),
});
export const setStatusInput = z.object({ ticket: ticketRefField, status: statusField });
