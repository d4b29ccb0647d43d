// Merging a duplicate and linking related tickets (support only). `ticket` and `into`/`other` are
// numbers (TK-000042, 42) or ids; one the viewer cannot see is "not found".
import { z } from "zod";
import { statuses } from "../../domain/state-machine";
import { id, ticketChangeOutput } from "../outputs";
import { ticketRefField } from "../../validation/fields";

export const mergeInput = z.object({ ticket: ticketRefField, into: ticketRefField });
/** The duplicate changed (`ticketId`); the target it now points to. */
export const mergeOutput = ticketChangeOutput.extend({ into: z.object({ id, reference: z.string() }) });

export const linkInput = z.object({ ticket: ticketRefField, other: ticketRefField });
export const linkOutput = ticketChangeOutput;
/** "Tickets relacionados": number, subject and status of each one the viewer may see. */
export const relatedOutput = z.array(z.object({ id, reference: z.string(), subject: z.string(), status: z.enum(statuses) }));
