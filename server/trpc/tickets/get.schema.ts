// What tickets.get answers: one ticket as its viewer may see it. An allow-list: a key not listed
// here never leaves (the output parser strips it), and tests/integration/output-contracts.int.test.ts
// fails when the use-case selects one. Never here: the reply token, the search text, the stored SLA
// deadlines and alerts (support reads the SLA through tickets.sla), sensitive information (only
// whether a message has some: its text comes through tickets.revealSensitive), anyone's email or profile phone.
// Staff-only keys (a mailed message's threading rule, a bounced address) are optional: the use-case
// leaves them out of a customer's answer altogether.
import { z } from "zod";
import { Channel, MessageKind, TicketEventKind, UserRole } from "../../db/generated/enums";
import { priorities, ticketTypes } from "../../domain/priority-rules";
import { actors, statuses } from "../../domain/state-machine";
import { id, personRef, serialId } from "../outputs";

/** Which threading rule brought a mailed message into the ticket (server/inbound); null: it opened the ticket. */
export const threadRuleOutput = z.enum(["reply_token", "references", "subject_number"]).nullable();

/** Staff only: mail Mesa sent to this person bounced (null: it did not); the detail never holds an address. */
const mailBounceOutput = z.object({ at: z.date(), detail: z.string().nullable() }).nullable().optional();
/** The requester or an interested user. */
export const reachablePersonOutput = personRef.extend({ mailBounce: mailBounceOutput });

export const fileRefOutput = z.object({ id, name: z.string(), size: z.number().int(), fileType: z.string() });

export const threadMessageOutput = z.object({
  id,
  kind: z.enum(MessageKind),
  body: z.string(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  author: z.object({ id, name: z.string(), role: z.enum(UserRole) }).nullable(),
  /** System notes: the change they tell of. */
  event: z
    .object({ kind: z.enum(TicketEventKind), before: z.string().nullable(), after: z.string().nullable(), detail: z.string().nullable() })
    .nullable(),
  /** Earlier texts of an edited message, oldest first. */
  versions: z.array(z.object({ body: z.string(), replacedAt: z.date() })),
  attachments: z.array(fileRefOutput),
  /** The message carries sealed sensitive information (never its text). */
  hasSensitive: z.boolean(),
  /** Written by the viewer (they may edit it). */
  mine: z.boolean(),
  /** The quoted history and signature cut from a mailed message ("Mostrar texto citado"). */
  quotedText: z.string().nullable(),
  /** Staff only: the message came by mail, threaded by this rule (null: not by mail). */
  mail: z.object({ threadRule: threadRuleOutput }).nullable().optional(),
  /** The message belongs to a ticket merged into this one (its number, TK-000041); null: this ticket's own. */
  mergedFrom: z.string().nullable(),
});

export const ticketDetailOutput = z.object({
  id,
  number: z.number().int(),
  /** TK-000042 */
  reference: z.string(),
  type: z.enum(ticketTypes),
  status: z.enum(statuses),
  priority: z.enum(priorities),
  subject: z.string(),
  channel: z.enum(Channel),
  escalatedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  department: z.object({ id: serialId, name: z.string(), slug: z.string(), sensitiveInfo: z.boolean() }),
  category: z.object({ id: serialId, name: z.string() }).nullable(),
  organization: z.object({ id, name: z.string() }).nullable(),
  requester: reachablePersonOutput,
  assignee: personRef.nullable(),
  services: z.array(z.object({ id, name: z.string() })),
  /** Interested users. */
  watchers: z.array(reachablePersonOutput),
  /** The last calls asked for, newest first, with the number to call (given for that call). */
  callRequests: z.array(
    z.object({
      id,
      phone: z.string(),
      windowStart: z.date(),
      windowEnd: z.date(),
      /** The customer's comment. */
      note: z.string().nullable(),
      createdAt: z.date(),
      /** Handled: when, by whom and what came of it (the customer sees it too). */
      handledAt: z.date().nullable(),
      handledBy: personRef.nullable(),
      outcome: z.string().nullable(),
      /** Staff only: the zone of the customer who asked. */
      requesterTimeZone: z.string().optional(),
    }),
  ),
  /** The viewer turned this ticket's notifications off. */
  muted: z.boolean(),
  /** Support's labels, sorted (staff only: a customer's answer has no key). */
  tags: z.array(z.string()).optional(),
  /** The rating of the current close, if any. */
  rating: z.object({ stars: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** Who the viewer is for the state machine on this ticket. */
  viewerActor: z.enum(actors),
  /** What the viewer may do now, by the state machine and the guards: the page offers only these. */
  offers: z.object({ close: z.boolean(), reopen: z.boolean(), escalate: z.boolean(), requestCall: z.boolean(), rate: z.boolean() }),
  /** A close erased the sensitive box and it was not given again. */
  sensitiveErased: z.boolean(),
  /** What time alone will do next ("Se cerrará automáticamente el …"). */
  automatic: z.object({ to: z.enum(["resolved", "closed"]), at: z.date() }).nullable(),
  messages: z.array(threadMessageOutput),
  /** Merged into another ticket (closed; its conversation goes on there). */
  mergedInto: z.object({ reference: z.string() }).nullable(),
});
