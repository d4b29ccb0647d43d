// Every event the server pushes to browsers, with its payload. Client and server share this type.
// Ticket events carry ids only: a browser refetches through the procedures, which apply the
// visibility rule, so nothing agent-only (internal notes, staff fields) can ride on a push.
export interface ServerToClientEvents {
  "profile.updated": (profile: { name: string; locale: string; timeZone: string; phone: string | null }) => void;
  /** Something on this ticket changed (status, thread, watchers…). */
  "ticket.changed": (change: { ticketId: string }) => void;
  /** Support staff on this ticket now (sent to staff only). */
  "presence.changed": (presence: { ticketId: string; people: { userId: string; name: string; typing: boolean }[] }) => void;
}

export interface ClientToServerEvents {
  /** Follow one ticket live; answered false when the ticket is not visible to this person. */
  "ticket.watch": (ticketId: string, ack: (ok: boolean) => void) => void;
  "ticket.unwatch": (ticketId: string) => void;
  /** Staff only: this tab is on the ticket, typing a reply or not. */
  "presence.typing": (ticketId: string, typing: boolean) => void;
}

/** Rooms are per resource; a user's own room is `user:<id>`. */
export const userRoom = (userId: string) => `user:${userId}`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
/** Support staff following a ticket (presence and collision warnings). */
export const ticketStaffRoom = (ticketId: string) => `ticket-staff:${ticketId}`;
