// Related tickets (staff only): one link per pair, read from both sides ("Tickets relacionados").
// Linking and unlinking are recorded on both tickets as staff-only events. A link may cross
// organizations (one outage, several customers); each agent sees only the related tickets they may see.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { visibleTicketsWhere, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { formatTicketNumber } from "../domain/numbering";
import { recordEvent } from "../events/record-event";

const pairWhere = (a: string, b: string) => ({
  OR: [
    { fromId: a, toId: b },
    { fromId: b, toId: a },
  ],
});

export async function linkTickets(db: Db, viewer: Viewer, ref: string, otherRef: string, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    const other = await findVisibleTicket(tx, viewer, otherRef);
    if (ticket.id === other.id) throw new AppError("conflict", "linkToItself");
    if (await tx.ticketLink.findFirst({ where: pairWhere(ticket.id, other.id) })) return { ticketId: ticket.id };
    await tx.ticketLink.create({ data: { fromId: ticket.id, toId: other.id, createdById: viewer.id, createdAt: now } });
    for (const [a, b] of [
      [ticket, other],
      [other, ticket],
    ] as const) {
      await tx.ticket.update({ where: { id: a.id }, data: { updatedAt: now } });
      await recordEvent(tx, a.id, viewer.id, "linked", { after: formatTicketNumber(b.number), staffOnly: true, at: now });
    }
    return { ticketId: ticket.id };
  });
}

export async function unlinkTickets(db: Db, viewer: Viewer, ref: string, otherRef: string, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    const other = await findVisibleTicket(tx, viewer, otherRef);
    const { count } = await tx.ticketLink.deleteMany({ where: pairWhere(ticket.id, other.id) });
    if (!count) return { ticketId: ticket.id };
    for (const [a, b] of [
      [ticket, other],
      [other, ticket],
    ] as const) {
      await tx.ticket.update({ where: { id: a.id }, data: { updatedAt: now } });
      await recordEvent(tx, a.id, viewer.id, "unlinked", { before: formatTicketNumber(b.number), staffOnly: true, at: now });
    }
    return { ticketId: ticket.id };
  });
}

/** The tickets related to one, by number, that the viewer may see. */
export async function relatedTickets(db: Db, viewer: Viewer, ref: string) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const ticket = await findVisibleTicket(db, viewer, ref);
  const visible = visibleTicketsWhere(viewer);
  const rows = await db.ticket.findMany({
    where: {
      AND: [visible, { OR: [{ linksFrom: { some: { toId: ticket.id } } }, { linksTo: { some: { fromId: ticket.id } } }] }],
    },
    select: { id: true, number: true, subject: true, status: true },
    orderBy: { number: "asc" },
  });
  return rows.map((r) => ({ id: r.id, reference: formatTicketNumber(r.number), subject: r.subject, status: r.status }));
}
