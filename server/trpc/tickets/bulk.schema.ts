import { z } from "zod";
import { departmentIdField, idField, priorityField, statusField, ticketRefField } from "../../validation/fields";
import { tagListField } from "./tags.schema";

/** A page of the queue at most (the bar selects on one page). */
export const BULK_MAX = 100;

export const bulkInput = z
  .object({
    tickets: z.array(ticketRefField).min(1, { error: "Validation.required" }).max(BULK_MAX, { error: "Validation.invalid" }),
    /** A user id, "me" is the caller; null unassigns; absent leaves the assignee alone. */
    assigneeId: z
      .union([idField, z.literal("me")])
      .nullable()
      .optional(),
    status: statusField.optional(),
    priority: priorityField.optional(),
    departmentId: departmentIdField.optional(),
    addTags: tagListField,
    removeTags: tagListField,
  })
  .refine(
    (v) =>
      v.assigneeId !== undefined ||
      v.status !== undefined ||
      v.priority !== undefined ||
      v.departmentId !== undefined ||
      v.addTags.length > 0 ||
      v.removeTags.length > 0,
    { error: "Validation.invalid" },
  );

export const bulkOutput = z.object({
  changed: z.number().int(),
  results: z.array(
    z.union([
      z.object({ ticket: z.string(), ok: z.literal(true), reference: z.string() }),
      z.object({ ticket: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  ),
});
