// Field rules for ticket forms and procedures; messages are "Validation.*" keys.
import { z } from "zod";
import { priorities, ticketTypes } from "../domain/priority-rules";
import { statuses } from "../domain/state-machine";

export const MAX_SUBJECT = 200;
export const MAX_BODY = 50_000;

export const subjectField = z.string().trim().min(1, { error: "Validation.required" }).max(MAX_SUBJECT, { error: "Validation.tooLong" });
export const bodyField = z.string().trim().min(1, { error: "Validation.required" }).max(MAX_BODY, { error: "Validation.tooLong" });
export const ticketTypeField = z.enum(ticketTypes, { error: "Validation.required" });
export const priorityField = z.enum(priorities, { error: "Validation.invalid" });
export const statusField = z.enum(statuses, { error: "Validation.invalid" });
export const idField = z.uuid({ error: "Validation.invalid" });
export const departmentIdField = z.coerce.number({ error: "Validation.required" }).int().positive({ error: "Validation.required" });
/** Uploads (their ids from POST /api/attachments) sent with a message. */
export const attachmentIdsField = z.array(idField).max(20, { error: "Validation.tooManyFiles" }).default([]);
/** The sensitive-information box: empty means none. */
export const sensitiveField = z.string().trim().max(5_000, { error: "Validation.tooLong" }).optional().transform((v) => v || undefined);
export const ticketRefField = z.string().trim().min(1).max(64);
