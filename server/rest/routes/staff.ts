// Support's operations (agents and admins; a customer's token gets 403, or 404 for a ticket it
// cannot see): take, assign, status, priority, department and merge. Internal notes are replies with
// `message_type: note`.
import { z } from "zod";
import { priorities } from "../../domain/priority-rules";
import { statuses } from "../../domain/state-machine";
import type { RestRoute } from "../route";
import { tagNameMax } from "../../tickets/tags";
import { ticketAction } from "./ticket-action";

const staffRoute = (spec: Omit<Parameters<typeof ticketAction>[0], "tag" | "staffOnly" | "errors">) =>
  ticketAction({ ...spec, tag: "Staff", staffOnly: true, errors: [400, 403, 404, 409] });

export const staffRoutes: RestRoute[] = [
  staffRoute({
    path: "/tickets/api/tickets/{id}/take/",
    operationId: "takeTicket",
    summary: "Take a ticket (assign it to yourself)",
    run: (call) => call.api.tickets.take({ ticket: call.params.id! }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/assign/",
    operationId: "assignTicket",
    summary: "Assign a ticket",
    description: "`assignee`: an agent of the ticket's department, or null to unassign.",
    body: z.object({ assignee: z.uuid().nullable() }).meta({ id: "Assign" }),
    run: (call) => call.api.tickets.assign({ ticket: call.params.id!, assigneeId: (call.body as { assignee: string | null }).assignee }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/status/",
    operationId: "setTicketStatus",
    summary: "Change a ticket's status",
    description: "The state machine decides which changes are allowed (409 otherwise).",
    body: z.object({ status: z.enum(statuses) }).meta({ id: "StatusChange" }),
    run: (call) =>
      call.api.tickets.setStatus({ ticket: call.params.id!, status: (call.body as { status: (typeof statuses)[number] }).status }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/priority/",
    operationId: "setTicketPriority",
    summary: "Change a ticket's priority",
    body: z.object({ priority: z.enum(priorities) }).meta({ id: "PriorityChange" }),
    run: (call) =>
      call.api.tickets.setPriority({
        ticket: call.params.id!,
        priority: (call.body as { priority: (typeof priorities)[number] }).priority,
      }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/department/",
    operationId: "transferTicket",
    summary: "Move a ticket to another department",
    body: z.object({ department: z.number().int().positive() }).meta({ id: "Transfer" }),
    run: (call) => call.api.tickets.transfer({ ticket: call.params.id!, departmentId: (call.body as { department: number }).department }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/merge/",
    operationId: "mergeTicket",
    summary: "Merge a duplicate into another ticket",
    description:
      "`into`: the main ticket (TK-000042 or its id), of the same organization. The duplicate is closed and points there; " +
      "its messages and files show in the main ticket's thread, and both customers get an email. Answers the duplicate.",
    body: z.object({ into: z.string().min(1).max(64) }).meta({ id: "Merge" }),
    run: (call) => call.api.tickets.merge({ ticket: call.params.id!, into: (call.body as { into: string }).into }),
  }),
  staffRoute({
    path: "/tickets/api/tickets/{id}/tags/",
    operationId: "setTicketTags",
    summary: "Set a ticket's tags",
    description:
      "`tags`: the ticket's whole set of tags after the call (names are kept lower-case with single spaces); tags not listed are removed.",
    body: z.object({ tags: z.array(z.string().min(1).max(tagNameMax)).max(20) }).meta({ id: "TagsChange" }),
    run: (call) => call.api.tickets.tags.set({ ticket: call.params.id!, tags: (call.body as { tags: string[] }).tags }),
  }),
];
