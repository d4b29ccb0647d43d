// Inputs and outputs of support's call work: the open call requests and marking one handled.
import { z } from "zod";
import { idField, textField } from "../../validation/fields";
import { id, ticketChangeOutput } from "../outputs";

/** What came of the call: required, at most 1000 characters. */
export const MAX_CALL_OUTCOME = 1000;
export const handleCallInput = z.object({ callId: idField, outcome: textField(MAX_CALL_OUTCOME) });
export const handleCallOutput = ticketChangeOutput.extend({ id });

export const openCallsOutput = z.array(
  z.object({
    id,
    phone: z.string(),
    windowStart: z.date(),
    windowEnd: z.date(),
    note: z.string().nullable(),
    createdAt: z.date(),
    /** The customer who asked, with the zone their profile is in. */
    requester: z.object({ id, name: z.string(), timeZone: z.string() }),
    ticket: z.object({
      id,
      number: z.number().int(),
      reference: z.string(),
      subject: z.string(),
      organization: z.object({ id, name: z.string() }).nullable(),
    }),
  }),
);
