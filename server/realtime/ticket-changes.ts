// After a ticket use-case commits, the people following it hear about it: the ticket's room (open
// ticket pages) and the personal rooms of those whose lists show it (requester, interested users,
// org admins; the department's agents). Only ids travel; see events.ts.
import type { Db } from "../db";
import { emitTo } from "./emit";
import { ticketRoom, userRoom } from "./events";

export async function announceTicketChange(db: Db, ticketId: string): Promise<void> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      requesterId: true, departmentId: true, organizationId: true,
      watchers: { select: { userId: true } },
      organization: { select: { membersSeeAllTickets: true, memberships: { select: { userId: true, role: true } } } },
    },
  });
  if (!ticket) return;
  const people = new Set([ticket.requesterId, ...ticket.watchers.map((w) => w.userId)]);
  for (const m of ticket.organization?.memberships ?? []) {
    if (m.role === "admin" || ticket.organization?.membersSeeAllTickets) people.add(m.userId);
  }
  const staff = await db.user.findMany({
    where: { OR: [{ role: "admin" }, { role: "agent", departments: { some: { departmentId: ticket.departmentId } } }] },
    select: { id: true },
  });
  for (const s of staff) people.add(s.id);
  emitTo([ticketRoom(ticketId), ...[...people].map(userRoom)], "ticket.changed", { ticketId });
}
