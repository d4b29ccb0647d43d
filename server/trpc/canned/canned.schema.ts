// Inputs and outputs of the canned replies: the management screen's and the reply box's.
import { z } from "zod";
import { priorities } from "../../domain/priority-rules";
import { statuses } from "../../domain/state-machine";
import { locales } from "../../i18n/locales";
import { cannedFields, cannedScopes, cannedUpdateFields } from "../../canned-replies/canned-fields";
import { serialIdField, ticketRefField } from "../../validation/fields";
import { okOutput, serialId } from "../outputs";
import { replyInput } from "../tickets/actions.schema";

export const createCannedInput = cannedFields;
export const updateCannedInput = cannedUpdateFields;
export const cannedIdInput = z.object({ id: serialIdField });
export const forTicketInput = z.object({ ticket: ticketRefField });
/** A reply (or note) sent from the reply box with a macro applied. */
export const replyWithMacroInput = replyInput.extend({ cannedId: serialIdField });

const macro = {
  setStatus: z.enum(statuses).nullable(),
  setPriority: z.enum(priorities).nullable(),
  addTags: z.array(z.string()),
};

export const cannedListOutput = z.object({
  replies: z.array(
    z.object({
      id: serialId,
      shortcut: z.string(),
      title: z.string(),
      scope: z.enum(cannedScopes),
      department: z.object({ id: serialId, name: z.string() }).nullable(),
      texts: z.object(Object.fromEntries(locales.map((l) => [l, z.string()])) as Record<(typeof locales)[number], z.ZodString>),
      ...macro,
      canManage: z.boolean(),
    }),
  ),
  departments: z.array(z.object({ id: serialId, name: z.string() })),
  canShareWithEveryone: z.boolean(),
});

export const cannedForTicketOutput = z.array(
  z.object({
    id: serialId,
    shortcut: z.string(),
    title: z.string(),
    scope: z.enum(cannedScopes),
    department: z.string().nullable(),
    /** The language of the body chosen for this ticket's requester. */
    locale: z.enum(locales),
    /** Filled for this ticket. */
    body: z.string(),
    /** Placeholders left as typed, because no such placeholder exists. */
    unknown: z.array(z.string()),
    ...macro,
  }),
);

export const cannedSavedOutput = z.object({ id: serialId });
export const cannedDeletedOutput = okOutput;
export { replyOutput as replyWithMacroOutput } from "../tickets/actions.schema";
