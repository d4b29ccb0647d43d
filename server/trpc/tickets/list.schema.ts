import { z } from "zod";
import { Channel, SlaClock } from "../../db/generated/enums";
import { priorities, ticketTypes } from "../../domain/priority-rules";
import { statuses, statusTabs } from "../../domain/state-machine";
import { id, personRef, serialId } from "../outputs";
import { cleanString, departmentIdField, idField, optionalTextField } from "../../validation/fields";
import { normalizeTag, tagNameMax } from "../../tickets/tags";

export const ticketTabs = Object.keys(statusTabs) as (keyof typeof statusTabs)[];
/** "sla": the next SLA deadline first (staff; tickets without a running clock last). */
export const sortFields = ["created", "updated", "status", "sla"] as const;
export const queueViews = ["unassigned", "mine", "sla", "all"] as const;

/** Mis Tickets' state; the page keeps it in the URL. */
export const listTicketsInput = z.object({
  /** The agent queue's views ("sla": at risk or breached); partners use "all". */
  view: z.enum(queueViews).default("all"),
  tab: z.enum(ticketTabs as [keyof typeof statusTabs, ...(keyof typeof statusTabs)[]]).default("open"),
  q: optionalTextField(200).default(""),
  status: z.array(z.enum(statuses)).max(statuses.length).default([]),
  priority: z.array(z.enum(priorities)).max(priorities.length).default([]),
  departmentId: z.array(departmentIdField).max(50).default([]),
  /** Staff only: tickets with any of these tags (a customer's are ignored). */
  tags: z
    .array(cleanString().max(tagNameMax, { error: "Validation.tooLong" }).transform(normalizeTag))
    .max(20)
    .default([])
    .transform((tags) => [...new Set(tags.filter(Boolean))]),
  sort: z.enum(sortFields).default("updated"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor: idField.nullish(),
  /** Numbered pages (1 is the first) instead of the cursor. */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  withCount: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsInput = z.output<typeof listTicketsInput>;

/** One row of the list. */
export const ticketRowOutput = z.object({
  id,
  number: z.number().int(),
  reference: z.string(),
  subject: z.string(),
  status: z.enum(statuses),
  priority: z.enum(priorities),
  type: z.enum(ticketTypes),
  channel: z.enum(Channel),
  createdAt: z.date(),
  updatedAt: z.date(),
  escalatedAt: z.date().nullable(),
  department: z.object({ id: serialId, name: z.string(), slug: z.string() }),
  organization: z.object({ id, name: z.string() }).nullable(),
  requester: personRef,
  assignee: personRef.nullable(),
  /** Support staff only: the SLA clock that breaches next (null for customers, or with no clock running). */
  sla: z.object({ clock: z.enum(SlaClock), nearAt: z.date().nullable(), dueAt: z.date().nullable() }).nullable(),
});
/** `count`: every matching ticket, when asked for (withCount). */
export const listTicketsOutput = z.object({
  items: z.array(ticketRowOutput),
  nextCursor: id.nullable(),
  count: z.number().int().nullable(),
});
