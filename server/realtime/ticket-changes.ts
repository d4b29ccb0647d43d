// After a ticket use-case commits, the people following it hear about it, with the id of the latest
// event they may see: support staff through the ticket's staff room and its department's queue;
// customers through the ticket's room, the requester's and interested users' own rooms and the
// organization's room. A staff-only event (internal note, SLA alert) reaches staff rooms only. Only
// ids travel; see events.ts.
import type { Db } from "../db";
import { emitExcept, emitTo } from "./emit";
import { orgRoom, queueRoom, ticketRoom, ticketStaffRoom, userRoom } from "./events";

export async function announceTicketChange(db: Db, ticketId: string): Promise<void> {
  const [ticket, latest] = await Promise.all([
    db.ticket.findUnique({ where: { id: ticketId }, select: { requesterId: true, departmentId: true, organizationId: true, watchers: { select: { userId: true } } } }),
    db.ticketEvent.findFirst({ where: { ticketId }, orderBy: { id: "desc" }, select: { id: true, staffOnly: true } }),
  ]);
  if (!ticket || !latest) return;
  const change = { ticketId, eventId: String(latest.id) };
  const staffRooms = [ticketStaffRoom(ticketId), queueRoom(ticket.departmentId)];
  emitTo(staffRooms, "ticket.changed", change);
  if (latest.staffOnly) return;
  const customerRooms = [
    ticketRoom(ticketId), userRoom(ticket.requesterId), ...ticket.watchers.map((w) => userRoom(w.userId)),
    ...(ticket.organizationId ? [orgRoom(ticket.organizationId)] : []),
  ];
  emitExcept(customerRooms, staffRooms, "ticket.changed", change);
}
