// The commands the ticket use-cases take: what the domain needs to know, in its own words, whatever
// the channel that asked. The web form, the REST API, the mail intake and the automation each map
// their own input to one of these; none of them is shaped like a form.
import type { Channel } from "../db/generated/enums";
import type { ExportField } from "./export/fields";
import type { Priority, TicketType } from "../domain/priority-rules";
import type { statusTabs, TicketStatus } from "../domain/state-machine";

/** A new ticket with its first message. */
export interface OpenTicket {
  channel: Channel;
  type: TicketType;
  departmentId: number;
  /** A mail or an API call may not name one; support picks it later. */
  categoryId: number | null;
  organizationId: string | null;
  serviceIds: string[];
  /** Interested users (members of the organization). */
  watcherIds: string[];
  subject: string;
  /** The first message's text. */
  body: string;
  /** What the customer asked for; it counts only where the priority policy lets customers choose. */
  requestedPriority: Priority | null;
  /** Stored files (uploads received earlier, by id) that go with the first message. */
  attachmentIds: string[];
  /** The sensitive-information box, when the department offers it. */
  sensitive: string | null;
  /** A mailed message's quoted history and signature, kept apart from the body. */
  quoted?: string | null;
  /** Files that came with it but were not kept (name and reason): the thread and the confirmation say so. */
  refusedFiles?: string[];
  /** The help-centre article the customer opened the ticket from ("Crear ticket"): a published one. */
  sourceArticleId?: number | null;
}

/** A ticket support opens for a customer (after a phone call, say), with its first message. */
export interface OpenTicketOnBehalf {
  /** How the customer reached support: by phone (the default) or by email. */
  channel: Extract<Channel, "phone" | "email">;
  type: TicketType;
  organizationId: string;
  /** The customer: a member of that organization. */
  requesterId: string;
  departmentId: number;
  categoryId: number | null;
  subject: string;
  /** The first message, written by the agent (what the customer said). */
  body: string;
}

/** A message added to a ticket's thread: a public reply or, for staff, an internal note. */
export interface AddMessage {
  /** Number (TK-000042) or id. */
  ticket: string;
  channel: Channel;
  body: string;
  visibility: "public" | "internal";
  attachmentIds: string[];
  sensitive: string | null;
  quoted?: string | null;
  refusedFiles?: string[];
  /** Staff: the status the ticket takes with this message instead of the reply's own move (a
   * macro's "Esperando su respuesta"), under the state machine's rule for setting it by hand. */
  thenStatus?: TicketStatus | null;
}

/** What a channel writes in the same transaction as the message (the mail intake marks its mail
 * as done there, so a crash can never leave a message without its mark or the other way round). */
export type AlongWith = (tx: import("../db").Tx, written: { ticketId: string; messageId: string }) => Promise<void>;

/** A status change asked for by a person (the automation moves tickets with its own actions). */
export type ChangeStatus = { kind: "close" } | { kind: "reopen" } | { kind: "set_status"; to: TicketStatus };

/** A page of a ticket list: Mis Tickets, the agent queue, a script's query. */
export interface TicketQuery {
  /** The agent queue's views ("sla": at risk or breached); customers use "all". */
  view: "unassigned" | "mine" | "sla" | "all";
  tab: keyof typeof statusTabs;
  /** Number (TK-000042), words of the subject, services and messages. */
  q: string;
  status: TicketStatus[];
  priority: Priority[];
  departmentId: number[];
  /** Staff only: tickets with any of these (normalized) tag names; ignored for customers. */
  tags: string[];
  /** "sla": the next SLA deadline first (staff; tickets without a running clock last). */
  sort: "created" | "updated" | "status" | "sla";
  dir: "asc" | "desc";
  cursor?: string | null;
  /** Numbered pages instead of a cursor (the REST API): 1 is the first. */
  page?: number;
  /** Also count every matching ticket (the REST API's `count`). */
  withCount?: boolean;
  limit: number;
}

/** The tickets created within [from, to] (calendar days of the viewer's zone), as a file. */
export interface ExportRequest {
  format: "csv" | "xlsx";
  from: string;
  to: string;
  fields: ExportField[];
}
