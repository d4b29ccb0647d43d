// The commands the ticket use-cases take: what the domain needs to know, in its own words, whatever
// the channel that asked. The web form, the REST API, the mail intake and the automation each map
// their own input to one of these; none of them is shaped like a form.
import type { Channel } from "../db/generated/enums";
import type { Priority, TicketType } from "../domain/priority-rules";
import type { TicketStatus } from "../domain/state-machine";

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
}

/** A status change asked for by a person (the automation moves tickets with its own actions). */
export type ChangeStatus = { kind: "close" } | { kind: "reopen" } | { kind: "set_status"; to: TicketStatus };
