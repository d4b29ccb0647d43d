// Call requests as support's work: the open ones of the viewer's departments, soonest window first,
// and marking one as handled with what came of it. The outcome is a system note the customer sees.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff } from "../access/principal";
import { recordEvent } from "../events/record-event";
import { visibleTicketsWhere, type Viewer } from "../access/visibility";

/** Marks a call request as handled, once: a second try (or a concurrent one) is refused. */
export async function handleCall(db: Db, viewer: Viewer, input: { callId: string; outcome: string }, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden", "forbidden");
  return db.$transaction(async (tx) => {
    const call = await tx.callRequest.findUnique({ where: { id: input.callId }, select: { id: true, ticketId: true } });
    if (!call) throw new AppError("not_found", "callNotFound");
    // The ticket through the visibility rule: a call of a ticket out of reach is "not found" too.
    const ticket = await findVisibleTicket(tx, viewer, call.ticketId);
    const { count } = await tx.callRequest.updateMany({
      where: { id: call.id, handledAt: null },
      data: { handledAt: now, handledById: viewer.id, outcome: input.outcome },
    });
    if (count === 0) throw new AppError("conflict", "callAlreadyHandled");
    await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: now } });
    await recordEvent(tx, ticket.id, viewer.id, "call_handled", { detail: input.outcome, at: now });
    return { id: call.id, ticketId: ticket.id };
  });
}

/** The pending call requests support should make: of tickets not closed in the viewer's departments
 * (an admin: all), soonest window first. */
export async function openCalls(db: Db, viewer: Viewer, limit = 100) {
  if (!isStaff(viewer)) throw new AppError("forbidden", "forbidden");
  const ticket: Prisma.TicketWhereInput = {
    AND: [
      visibleTicketsWhere(viewer),
      viewer.role === "admin" ? {} : { departmentId: { in: viewer.departmentIds } },
      { status: { not: "closed" } },
    ],
  };
  const calls = await db.callRequest.findMany({
    where: { handledAt: null, ticket },
    orderBy: [{ windowStart: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: {
      id: true,
      phone: true,
      windowStart: true,
      windowEnd: true,
      note: true,
      createdAt: true,
      requester: { select: { id: true, name: true, timeZone: true } },
      ticket: { select: { id: true, number: true, subject: true, organization: { select: { id: true, name: true } } } },
    },
  });
  return calls;
}
