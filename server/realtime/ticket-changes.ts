// After a ticket use-case commits, the people following it hear about it, with the id of the latest
// event they may see: support staff through the ticket's staff room and its department's queue;
// customers through the ticket's room, the requester's and interested users' own rooms and the
// organization's room. A staff-only event (internal note, SLA alert) reaches staff rooms only. Only
// ids travel; see events.ts. First, the sockets following the ticket are checked against the
// visibility rule as it stands after the change (access.ts): one whose person may no longer see it
// (an interested user just removed, a member who left the organization…) leaves its rooms and hears
// nothing of this change or any later one.
import type { Db } from "../db";
import { revokeTicketRooms, type Revoked } from "./access";
import { emitExcept } from "./emit";
import { orgRoom, queueRoom, ticketRoom, ticketStaffRoom, userRoom } from "./events";

export async function announceTicketChange(db: Db, ticketId: string): Promise<void> {
  const [ticket, latest] = await Promise.all([
    db.ticket.findUnique({
      where: { id: ticketId },
      select: { requesterId: true, departmentId: true, organizationId: true, watchers: { select: { userId: true } } },
    }),
    db.ticketEvent.findFirst({ where: { ticketId }, orderBy: { id: "desc" }, select: { id: true, staffOnly: true } }),
  ]);
  if (!ticket || !latest) return;
  const change = { ticketId, eventId: String(latest.id) };
  let revoked: Revoked = { unseen: [], notStaff: [] };
  try {
    revoked = await revokeTicketRooms(db, ticketId);
  } catch (error) {
    // A node that does not answer must not hold back everyone's announcement; the rooms are checked
    // again on the ticket's next change.
    console.error(`[realtime] could not re-check the sockets of ticket ${ticketId}`, error);
  }
  const staffRooms = [ticketStaffRoom(ticketId), queueRoom(ticket.departmentId)];
  // Leaving a room on another node travels apart from this emit: the sockets are left out by id too.
  emitExcept(staffRooms, [...revoked.unseen, ...revoked.notStaff], "ticket.changed", change);
  if (latest.staffOnly) return;
  const customerRooms = [
    ticketRoom(ticketId),
    userRoom(ticket.requesterId),
    ...ticket.watchers.map((w) => userRoom(w.userId)),
    ...(ticket.organizationId ? [orgRoom(ticket.organizationId)] : []),
  ];
  emitExcept(customerRooms, [...staffRooms, ...revoked.unseen], "ticket.changed", change);
}
