// The requester's other tickets, beside a ticket's thread in the agent workspace: what else this
// person has asked, most recently touched first. Both the ticket itself and the list go through the
// visibility rule, so an agent never learns of a ticket outside their reach (not even by the count).
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { findVisibleTicket } from "../access/find-visible";
import { formatTicketNumber } from "../domain/numbering";
import { visibleTicketsWhere, type Viewer } from "../access/visibility";

export const REQUESTER_TICKETS_LIMIT = 10;

export async function listRequesterTickets(db: Db, viewer: Viewer, ref: string, limit = REQUESTER_TICKETS_LIMIT) {
  const ticket = await findVisibleTicket(db, viewer, ref);
  const where: Prisma.TicketWhereInput = {
    AND: [visibleTicketsWhere(viewer), { requesterId: ticket.requesterId }, { id: { not: ticket.id } }],
  };
  const [requester, rows, total] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: ticket.requesterId }, select: { id: true, name: true } }),
    db.ticket.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, number: true, subject: true, status: true, priority: true, updatedAt: true },
    }),
    db.ticket.count({ where }),
  ]);
  return {
    requester,
    total,
    items: rows.map(({ number, ...t }) => ({ ...t, reference: formatTicketNumber(number) })),
  };
}
export type RequesterTickets = Awaited<ReturnType<typeof listRequesterTickets>>;
