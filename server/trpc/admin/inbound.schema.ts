// Inputs and outputs of the inbound-mail procedures (server/inbound/admin/inbound-mails.ts). A row
// carries what a person needs to decide (who, what, why it waits, what came of it), never the raw
// message: that is a download of its own (app/api/admin/inbound/[id]/eml).
import { z } from "zod";
import { InboundSource, InboundStatus } from "../../db/generated/enums";
import { idField } from "../../validation/fields";
import { id } from "../outputs";

export const inboundTabs = ["attention", "held", "failed", "recent", "discarded"] as const;

export const listInboundInput = z.object({
  tab: z.enum(inboundTabs, { error: "Validation.invalid" }).default("attention"),
  cursor: idField.nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListInboundInput = z.output<typeof listInboundInput>;
export const inboundIdInput = z.object({ id: idField });

export const inboundRowOutput = z.object({
  id,
  source: z.enum(InboundSource),
  mailbox: z.object({ id, name: z.string() }).nullable(),
  receivedAt: z.date(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  size: z.number().int(),
  status: z.enum(InboundStatus),
  /** What came of it, or why it waits: a key of Admin.inbound.outcome. */
  outcome: z.string().nullable(),
  /** Which threading rule found its ticket: a key of Admin.inbound.threadRule. */
  threadRule: z.string().nullable(),
  /** The error or the details of the outcome (its start, when long). */
  detail: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  processedAt: z.date().nullable(),
  ticket: z.object({ id, reference: z.string() }).nullable(),
  canReprocess: z.boolean(),
  canDiscard: z.boolean(),
});
export const listInboundOutput = z.object({ items: z.array(inboundRowOutput), nextCursor: id.nullable() });
/** How many mails wait for a person. */
export const inboundCountsOutput = z.object({ held: z.number().int(), failed: z.number().int() });
