// Seed 003's ticket operations: create, list and search, detail, reply (JSON or multipart with
// attachments), close, reopen and interested users. Each maps the REST body to a tRPC procedure
// (the panel's) and its answer back to the seed's shape.
import { z } from "zod";
import { priorities, ticketTypes } from "../../domain/priority-rules";
import { statuses } from "../../domain/state-machine";
import { AppError } from "../../errors/app-error";
import { receiveUpload } from "../../files/receive-upload";
import { discardUpload } from "../../files/pending-uploads";
import { bodyField, subjectField } from "../../validation/fields";
import type { RestCall, RestRoute } from "../route";
import { messageShape, pageShape, ticketShape, ticketSummaryShape, toMessage, toSummary, toTicket } from "../shapes";
import { ticketAction, ticketAnswer, ticketParams } from "./ticket-action";

const departmentRef = z.union([z.number().int().positive(), z.string().min(1).max(100)]).describe("The department's id or slug");

const createBody = z
  .object({
    subject: subjectField,
    department: departmentRef,
    priority: z.enum(priorities).optional().describe("Counts where the priority policy lets customers choose"),
    type: z.enum(ticketTypes).default("incident"),
    category: z
      .union([z.number().int().positive(), z.string().min(1).max(100)])
      .nullish()
      .describe("A category of that department: id or slug"),
    organization: z.uuid().nullish().describe("One of your organizations"),
    services: z.array(z.uuid()).max(20).default([]).describe("Services of that organization"),
    watchers: z.array(z.uuid()).max(20).default([]).describe("Interested users: members of that organization"),
    messages: z
      .array(z.object({ body: bodyField, message_type: z.literal("reply").default("reply") }))
      .min(1, { error: "Validation.required" })
      .max(1, { error: "Validation.invalid" })
      .describe("The first message: the ticket's description"),
  })
  .meta({ id: "TicketCreate" });

const replyBody = z
  .object({
    body: bodyField,
    message_type: z.enum(["reply", "note"]).default("reply").describe("note: an internal note, staff only"),
  })
  .meta({ id: "Reply" });

const replyForm = z.object({
  body: bodyField,
  message_type: z.enum(["reply", "note"]).default("reply"),
  attachments: z.array(z.string()).optional().describe("One or more files (the panel's file types and size limits)"),
});

const listQuery = z.object({
  status: z.enum(statuses).optional(),
  priority: z.enum(priorities).optional(),
  department: z.string().min(1).max(100).optional().describe("A department's id or slug"),
  search: z.string().max(200).optional().describe("A number (TK-000042), words of the subject or of the messages"),
  ordering: z
    .enum(["created_at", "-created_at", "updated_at", "-updated_at", "status", "-status"])
    .default("-updated_at")
    .describe("A field, descending with a leading minus"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(25),
});

/** A department id or slug as the procedures take it (an id); unknown is the use-case's own refusal. */
async function departmentId(call: RestCall, ref: number | string): Promise<number> {
  if (typeof ref === "number") return ref;
  if (/^\d+$/.test(ref)) return Number(ref);
  const found = (await call.api.tickets.formOptions()).departments.find((d) => d.slug === ref);
  if (!found) throw new AppError("invalid_input", "departmentUnknown");
  return found.id;
}

async function categoryId(call: RestCall, department: number, ref: number | string | null | undefined): Promise<number | null> {
  if (ref === null || ref === undefined) return null;
  if (typeof ref === "number") return ref;
  const categories = (await call.api.tickets.formOptions()).departments.find((d) => d.id === department)?.categories ?? [];
  const found = categories.find((c) => c.slug === ref || String(c.id) === ref);
  if (!found) throw new AppError("invalid_input", "categoryNotInDepartment");
  return found.id;
}

/** Stores each file as the panel's upload does (same checks and limits); a refusal discards those already kept. */
async function uploadAll(call: RestCall, ticket: string): Promise<string[]> {
  const ids: string[] = [];
  try {
    for (const file of call.files) {
      const uploaded = await receiveUpload(
        call.db,
        call.principal,
        { name: file.name || "file", size: file.size, target: { ticket }, body: file.stream() },
        call.now,
      );
      ids.push(uploaded.id);
    }
    return ids;
  } catch (error) {
    for (const id of ids) await discardUpload(call.db, call.principal, id).catch(() => {});
    throw error;
  }
}

const createRenames = {
  departmentId: "department",
  categoryId: "category",
  organizationId: "organization",
  serviceIds: "services",
  watcherIds: "watchers",
  description: "messages.0.body",
};

export const ticketRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/tickets/api/tickets/",
    operationId: "createTicket",
    summary: "Create a ticket",
    description:
      "The first message is the description. Send Idempotency-Key to retry safely: the same key and body within 24 h answer the first ticket again.",
    tag: "Tickets",
    body: createBody,
    idempotent: true,
    success: { status: 201, description: "The new ticket", schema: ticketShape },
    errors: [400, 403, 409, 413, 415, 422],
    renames: createRenames,
    async handle(call) {
      const body = call.body as z.output<typeof createBody>;
      const department = await departmentId(call, body.department);
      const created = await call.api.tickets.create({
        type: body.type,
        departmentId: department,
        categoryId: await categoryId(call, department, body.category),
        organizationId: body.organization ?? null,
        serviceIds: body.services,
        watcherIds: body.watchers,
        subject: body.subject,
        description: body.messages[0]!.body,
        priority: body.priority,
        attachmentIds: [],
      });
      const ticket = toTicket(await call.api.tickets.get({ ticket: created.id }), call.origin);
      return { status: 201, body: ticket, headers: { location: `${call.origin}/tickets/api/tickets/${created.id}/` } };
    },
  },
  {
    method: "GET",
    path: "/tickets/api/tickets/",
    operationId: "listTickets",
    summary: "List and search tickets",
    description:
      "Every ticket you may see, newest activity first by default. `search` finds by number, subject and message text, as the panel does.",
    tag: "Tickets",
    query: listQuery,
    success: { status: 200, description: "A page of tickets", schema: pageShape(ticketSummaryShape, "TicketPage") },
    errors: [400],
    renames: { departmentId: "department", q: "search", limit: "page_size" },
    async handle(call) {
      const q = call.query as z.output<typeof listQuery>;
      const [field, dir] = q.ordering.startsWith("-") ? [q.ordering.slice(1), "desc" as const] : [q.ordering, "asc" as const];
      const sort = ({ created_at: "created", updated_at: "updated", status: "status" } as const)[field as "created_at"];
      const page = await call.api.tickets.list({
        view: "all",
        tab: "all",
        q: q.search ?? "",
        status: q.status ? [q.status] : [],
        priority: q.priority ? [q.priority] : [],
        departmentId: q.department ? [await departmentId(call, q.department)] : [],
        sort,
        dir,
        page: q.page,
        limit: q.page_size,
        withCount: true,
      });
      const count = page.count ?? 0;
      const link = (n: number) => {
        const url = new URL(call.request.url);
        const next = new URL(`${call.origin}${url.pathname}${url.search}`);
        next.searchParams.set("page", String(n));
        return next.toString();
      };
      return {
        status: 200,
        body: {
          count,
          next: q.page * q.page_size < count ? link(q.page + 1) : null,
          previous: q.page > 1 ? link(q.page - 1) : null,
          results: page.items.map(toSummary),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/tickets/api/tickets/{id}/",
    operationId: "getTicket",
    summary: "A ticket with its messages",
    description:
      "Messages oldest first: `reply` (public), `note` (staff only, never shown to customers), `system` (a recorded change), each with its attachments.",
    tag: "Tickets",
    params: ticketParams,
    success: { status: 200, description: "The ticket", schema: ticketShape },
    errors: [404],
    handle: ticketAnswer,
  },
  {
    method: "POST",
    path: "/tickets/api/tickets/{id}/reply/",
    operationId: "replyToTicket",
    summary: "Reply to a ticket",
    description:
      "JSON, or multipart/form-data with `body` and one or more `attachments` (the panel's file types and size limit per message). Staff may send `message_type: note` for an internal note.",
    tag: "Tickets",
    params: ticketParams,
    body: replyBody,
    multipart: replyForm,
    idempotent: true,
    success: { status: 201, description: "The new message", schema: messageShape },
    errors: [400, 403, 404, 409, 413, 415, 422],
    renames: { ticket: "id" },
    async handle(call) {
      const body = call.body as z.output<typeof replyBody>;
      const ticket = call.params.id!;
      // The ticket must be visible before any file is kept (a 404 says nothing about others' tickets).
      await call.api.tickets.get({ ticket });
      const attachmentIds = await uploadAll(call, ticket);
      const sent = await call.api.tickets.reply({ ticket, body: body.body, internal: body.message_type === "note", attachmentIds });
      const message = (await call.api.tickets.get({ ticket })).messages.find((m) => m.id === sent.id)!;
      return { status: 201, body: toMessage(message, call.origin) };
    },
  },
  ticketAction({
    path: "/tickets/api/tickets/{id}/close/",
    operationId: "closeTicket",
    summary: "Close a ticket",
    description: "Customers close a ticket support resolved (seed 000); staff close any.",
    tag: "Tickets",
    errors: [403, 404, 409],
    run: (call) => call.api.tickets.close({ ticket: call.params.id! }),
  }),
  ticketAction({
    path: "/tickets/api/tickets/{id}/reopen/",
    operationId: "reopenTicket",
    summary: "Reopen a ticket",
    tag: "Tickets",
    errors: [403, 404, 409],
    run: (call) => call.api.tickets.reopen({ ticket: call.params.id! }),
  }),
  ticketAction({
    path: "/tickets/api/tickets/{id}/watchers/",
    operationId: "addWatcher",
    summary: "Add an interested user",
    description: "A member of the ticket's organization, who then follows it.",
    tag: "Tickets",
    body: z.object({ user: z.uuid().describe("The user's id") }).meta({ id: "WatcherAdd" }),
    errors: [400, 403, 404],
    run: (call) => call.api.tickets.addWatcher({ ticket: call.params.id!, userId: (call.body as { user: string }).user }),
  }),
  ticketAction({
    method: "DELETE",
    path: "/tickets/api/tickets/{id}/watchers/{user}/",
    operationId: "removeWatcher",
    summary: "Remove an interested user",
    tag: "Tickets",
    params: ticketParams.extend({ user: z.uuid().describe("The user's id") }),
    errors: [400, 403, 404],
    run: (call) => call.api.tickets.removeWatcher({ ticket: call.params.id!, userId: call.params.user! }),
  }),
];
