// The REST API's shapes (seed 003): snake_case, `number` as "TK-000042", `department` as
// {id, name, slug}, ISO dates. Each answer is a zod schema (it documents /api/openapi.json) and a
// mapper from the procedure's output, which already holds only what the caller may see.
import { z } from "zod";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../trpc/router";

type Out = inferRouterOutputs<AppRouter>;
type Detail = Out["tickets"]["get"];
type Row = Out["tickets"]["list"]["items"][number];

const iso = z.iso.datetime().describe("ISO 8601, UTC");
const person = z.object({ id: z.uuid(), name: z.string() });

export const departmentShape = z
  .object({ id: z.number().int().describe("Use it (or the slug) as `department` when creating"), name: z.string(), slug: z.string() })
  .meta({ id: "Department" });

export const attachmentShape = z
  .object({
    id: z.uuid(),
    name: z.string(),
    size: z.number().int().describe("Bytes"),
    file_type: z.string().describe("pdf, png, log, zip, …"),
    url: z.url().describe("GET it with the same token to download the file"),
  })
  .meta({ id: "Attachment" });

export const messageTypes = ["reply", "note", "system"] as const;
export const messageShape = z
  .object({
    id: z.uuid(),
    message_type: z.enum(messageTypes).describe("reply: public; note: staff only (never shown to customers); system: a recorded change"),
    body: z.string(),
    author: person.extend({ role: z.enum(["partner", "agent", "admin"]) }).nullable(),
    event: z
      .object({ kind: z.string(), before: z.string().nullable(), after: z.string().nullable() })
      .nullable()
      .describe("System messages: the change they record"),
    created_at: iso,
    edited_at: iso.nullable(),
    attachments: z.array(attachmentShape),
    merged_from: z.string().nullable().describe("Of a ticket merged into this one (its number); null: this ticket's own"),
  })
  .meta({ id: "Message" });

const ticketFields = {
  id: z.uuid(),
  number: z.string().describe("TK-000042"),
  subject: z.string(),
  status: z.enum(["new", "open", "pending_customer", "on_hold", "resolved", "closed", "reopened"]),
  priority: z.enum(["low", "medium", "high", "urgent", "critical"]),
  type: z.enum(["incident", "request"]),
  channel: z.enum(["web", "email", "api", "phone"]),
  department: departmentShape,
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requester: person,
  assignee: person.nullable(),
  created_at: iso,
  updated_at: iso,
};
export const ticketSummaryShape = z.object(ticketFields).meta({ id: "TicketSummary" });

export const ticketShape = z
  .object({
    ...ticketFields,
    category: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    services: z.array(z.object({ id: z.uuid(), name: z.string() })),
    watchers: z.array(person),
    tags: z.array(z.string()).optional().describe("Support's labels, sorted (staff only: absent for a customer)"),
    resolved_at: iso.nullable(),
    closed_at: iso.nullable(),
    messages: z.array(messageShape).describe("Oldest first"),
    merged_into: z.string().nullable().describe("Merged into this ticket (its number): closed, the conversation goes on there"),
  })
  .meta({ id: "Ticket" });

export const pageShape = (item: z.ZodType, id: string) =>
  z
    .object({
      count: z.number().int().describe("Every matching ticket"),
      next: z.url().nullable(),
      previous: z.url().nullable(),
      results: z.array(item),
    })
    .meta({ id });

const kindToType = { public: "reply", internal: "note", system: "system" } as const;
const at = (d: Date | null) => (d ? d.toISOString() : null);

export const attachmentUrl = (origin: string, id: string) => `${origin}/tickets/api/attachments/${id}/`;

function baseOf(t: Row | Detail) {
  return {
    id: t.id,
    number: t.reference,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    type: t.type,
    department: { id: t.department.id, name: t.department.name, slug: t.department.slug },
    organization: t.organization ? { id: t.organization.id, name: t.organization.name } : null,
    requester: { id: t.requester.id, name: t.requester.name },
    assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export const toSummary = (t: Row): z.infer<typeof ticketSummaryShape> => ({ ...baseOf(t), channel: t.channel });

export function toMessage(m: Detail["messages"][number], origin: string): z.infer<typeof messageShape> {
  return {
    id: m.id,
    message_type: kindToType[m.kind],
    body: m.body,
    author: m.author ? { id: m.author.id, name: m.author.name, role: m.author.role } : null,
    event: m.event ? { kind: m.event.kind, before: m.event.before, after: m.event.after } : null,
    created_at: m.createdAt.toISOString(),
    edited_at: at(m.editedAt),
    attachments: m.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      file_type: a.fileType,
      url: attachmentUrl(origin, a.id),
    })),
    merged_from: m.mergedFrom,
  };
}

export function toTicket(t: Detail, origin: string): z.infer<typeof ticketShape> {
  return {
    ...baseOf(t),
    channel: t.channel,
    category: t.category ? { id: t.category.id, name: t.category.name } : null,
    services: t.services.map((s) => ({ id: s.id, name: s.name })),
    watchers: t.watchers.map((w) => ({ id: w.id, name: w.name })),
    ...(t.tags ? { tags: t.tags } : {}),
    resolved_at: at(t.resolvedAt),
    closed_at: at(t.closedAt),
    messages: t.messages.map((m) => toMessage(m, origin)),
    merged_into: t.mergedInto?.reference ?? null,
  };
}
