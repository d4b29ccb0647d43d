// Every event the server pushes to browsers, with its payload. Client and server share this type.
// Ticket events carry ids only: a browser refetches through the procedures, which apply the
// visibility rule, so nothing agent-only (internal notes, staff fields) can ride on a push.
export interface TicketChange {
  ticketId: string;
  /** The ticket event (history row) this change is up to; ids increase, so a client that
   * reconnects asks for what came after the last one it saw. A decimal string (a bigint). */
  eventId: string;
}

export interface PresencePerson {
  userId: string;
  name: string;
  typing: boolean;
}

export interface ServerToClientEvents {
  "profile.updated": (profile: { name: string; locale: string; timeZone: string; phone: string | null }) => void;
  /** Something on this ticket changed (status, thread, watchers, SLA alert…). */
  "ticket.changed": (change: TicketChange) => void;
  /** Support staff on this ticket now (sent to staff only: the ticket's staff room and its queue). */
  "presence.changed": (presence: { ticketId: string; people: PresencePerson[] }) => void;
}

export interface ClientToServerEvents {
  /** Follow one ticket live; answered false when the ticket is not visible to this person. */
  "ticket.watch": (ticketId: string, ack: (ok: boolean) => void) => void;
  "ticket.unwatch": (ticketId: string) => void;
  /** Staff only: this tab is on the ticket, typing a reply or not. */
  "presence.typing": (ticketId: string, typing: boolean) => void;
  /** Staff only: who is on which ticket right now (for the queue's viewer markers). */
  "presence.snapshot": (ack: (presence: Record<string, PresencePerson[]>) => void) => void;
  /** After each (re)connect: the changes this person may see that came after `since` (oldest
   * first), and the latest event id they may see. `since` "" asks for the latest id only. */
  "events.since": (since: string, ack: (answer: { changes: TicketChange[]; latest: string | null }) => void) => void;
}

/** Rooms are per resource. Joining any of them goes through the visibility rule (attach.ts). */
export const userRoom = (userId: string) => `user:${userId}`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
/** Support staff following a ticket (presence, internal notes, collision warnings). */
export const ticketStaffRoom = (ticketId: string) => `ticket-staff:${ticketId}`;
/** The organization's people who see all its tickets (org admins; everyone when the org says so). */
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
/** The agents of a department (and admins). */
export const queueRoom = (departmentId: number) => `queue:${departmentId}`;
