// Inputs and outputs of the actions on one ticket. `ticket` is its number (TK-000042) or id.
import { z } from "zod";
import { phoneField } from "../../users/fields";
import { statuses } from "../../domain/state-machine";
import {
  attachmentIdsField,
  bodyField,
  dateField,
  idField,
  optionalTextField,
  sensitiveField,
  statusField,
  textField,
  ticketRefField,
} from "../../validation/fields";
import { id, okOutput, ticketChangeOutput } from "../outputs";

export const ticketRefInput = z.object({ ticket: ticketRefField });
export const replyInput = z.object({
  ticket: ticketRefField,
  body: bodyField,
  internal: z.boolean().default(false),
  attachmentIds: attachmentIdsField,
  sensitive: sensitiveField,
});
export const editMessageInput = z.object({ messageId: idField, body: bodyField });
export const watcherInput = z.object({ ticket: ticketRefField, userId: idField });
export const muteInput = z.object({ ticket: ticketRefField, muted: z.boolean() });
export const escalateInput = z.object({
  ticket: ticketRefField,
  reason: textField(2000),
});
export const requestCallInput = z.object({
  ticket: ticketRefField,
  phone: phoneField.unwrap(),
  windowStart: dateField,
  windowEnd: dateField,
  note: optionalTextField(500).nullish(),
});
export const rateInput = z.object({
  ticket: ticketRefField,
  stars: z.number({ error: "Validation.stars" }).int().min(1, { error: "Validation.stars" }).max(5, { error: "Validation.stars" }),
  comment: optionalTextField(2000).nullish(),
});
export const setStatusInput = z.object({ ticket: ticketRefField, status: statusField });

// Outputs of those actions: each names the ticket it changed (`ticketId`) and what the form needs back.
export const replyOutput = ticketChangeOutput.extend({ id, status: z.enum(statuses) });
export const editMessageOutput = ticketChangeOutput.extend({ id });
export const watcherOutput = okOutput.extend(ticketChangeOutput.shape);
export const muteOutput = ticketChangeOutput.extend({ muted: z.boolean() });
export const escalateOutput = okOutput.extend(ticketChangeOutput.shape);
export const requestCallOutput = ticketChangeOutput.extend({ id });
export const rateOutput = ticketChangeOutput.extend({ stars: z.number().int() });
export const statusChangeOutput = ticketChangeOutput.extend({ id, status: z.enum(statuses) });
