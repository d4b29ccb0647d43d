// Inputs and outputs of opening a ticket on a customer's behalf.
import { z } from "zod";
import { bodyField, categoryIdField, departmentIdField, idField, lineField, subjectField, ticketTypeField } from "../../validation/fields";
import { departmentWithCategories, id, ticketChangeOutput } from "../outputs";

export const onBehalfChannels = ["phone", "email"] as const;

/** A choice the form must make: left empty, it says "required". */
const chosenId = z.uuid({ error: "Validation.required" });

export const openOnBehalfInput = z.object({
  organizationId: chosenId,
  requesterId: chosenId,
  type: ticketTypeField.default("incident"),
  departmentId: departmentIdField,
  categoryId: categoryIdField.nullable().default(null),
  subject: subjectField,
  body: bodyField,
  channel: z.enum(onBehalfChannels, { error: "Validation.invalid" }).default("phone"),
});
export const openOnBehalfOutput = ticketChangeOutput.extend({ id, number: z.number().int(), reference: z.string() });

export const onBehalfOptionsOutput = z.object({
  organizations: z.array(z.object({ id, name: z.string() })),
  departments: z.array(departmentWithCategories),
});

export const requesterSearchInput = z.object({ organizationId: idField, q: lineField(200).or(z.literal("")).default("") });
/** Support sees the address too: it is how a customer on the phone tells who they are. */
export const requesterSearchOutput = z.array(z.object({ id, name: z.string(), email: z.string() }));
