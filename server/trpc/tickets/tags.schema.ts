import { z } from "zod";
import { lineField, ticketRefField } from "../../validation/fields";
import { tagNameMax } from "../../tickets/tags";

/** One tag as typed: one line, at most 40 characters (the use-case normalizes case and spaces). */
export const tagNameField = lineField(tagNameMax);
export const tagListField = z.array(tagNameField).max(20, { error: "Validation.invalid" }).default([]);

export const changeTagsInput = z.object({ ticket: ticketRefField, add: tagListField, remove: tagListField });
/** The ticket's whole set of tags after the call (the REST API's tags route). */
export const setTagsInput = z.object({ ticket: ticketRefField, tags: tagListField });
export const changeTagsOutput = z.object({ ticketId: z.string(), tags: z.array(z.string()) });

export const suggestTagsInput = z.object({ q: z.string().max(tagNameMax).default("") });
export const suggestTagsOutput = z.array(z.object({ name: z.string(), uses: z.number().int() }));
