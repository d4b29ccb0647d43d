// What people do around a ticket besides writing: interested users, muting, escalating, asking for
// a call, rating the support once it is closed.
import type { Db } from "../db";
import { queueTicketMail } from "../notifications/ticket-mail";
import { AppError } from "../errors/app-error";
import { alreadyEscalated, assertNotClosed, ratable } from "../domain/guards";
import type { Tx } from "../db";
import { findVisibleTicket } from "../access/find-visible";
import { recordEvent } from "../events/record-event";
import { type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { refuseIfMerged } from "./merge";

export async function addWatcher(db: Db, viewer: Viewer, ref: string, userId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    if (!ticket.organizationId) throw new AppError("invalid_input", "watcherNotInOrganization");
    const member = await tx.membership.findUnique({
      where: { userId_organizationId: { userId, organizationId: ticket.organizationId } },
      include: { user: true },
    });
    if (!member || userId === ticket.requesterId) throw new AppError("invalid_input", "watcherNotInOrganization");
    const exists = await tx.watcher.findUnique({ where: { ticketId_userId: { ticketId: ticket.id, userId } } });
    if (exists) return { ok: true as const, ticketId: ticket.id };
    await tx.watcher.create({ data: { ticketId: ticket.id, userId, addedById: viewer.id, createdAt: now } });
    await recordEvent(tx, ticket.id, viewer.id, "watcher_added", { after: member.user.name, at: now });
    return { ok: true as const, ticketId: ticket.id };
  });
}

export async function removeWatcher(db: Db, viewer: Viewer, ref: string, userId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    const watcher = await tx.watcher.findUnique({ where: { ticketId_userId: { ticketId: ticket.id, userId } }, include: { user: true } });
    if (!watcher) return { ok: true as const, ticketId: ticket.id };
    await tx.watcher.delete({ where: { ticketId_userId: { ticketId: ticket.id, userId } } });
    await recordEvent(tx, ticket.id, viewer.id, "watcher_removed", { before: watcher.user.name, at: now });
    return { ok: true as const, ticketId: ticket.id };
  });
}

export async function setMuted(db: Db, viewer: Viewer, ref: string, muted: boolean) {
  const ticket = await findVisibleTicket(db, viewer, ref);
  const key = { ticketId_userId: { ticketId: ticket.id, userId: viewer.id } };
  if (muted) await db.ticketMute.upsert({ where: key, create: { ticketId: ticket.id, userId: viewer.id }, update: {} });
  else await db.ticketMute.deleteMany({ where: { ticketId: ticket.id, userId: viewer.id } });
  return { muted, ticketId: ticket.id };
}

/** When support last answered the customer in public (a reply by an agent or an admin). */
export async function lastSupportAnswerAt(db: Db | Tx, ticketId: string): Promise<Date | null> {
  const answer = await db.message.findFirst({
    where: { ticketId, kind: "public", author: { role: { in: ["agent", "admin"] } } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return answer?.createdAt ?? null;
}

/** Priority attention, the customer's: recorded with its reason; the department's agents get a
 * mail. Once per state: again only after support answered or the status changed. */
export async function escalate(db: Db, viewer: Viewer, ref: string, reason: string, now: Date) {
  if (isStaff(viewer)) throw new AppError("forbidden", "onlyCustomersEscalate");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    assertNotClosed(ticket);
    if (alreadyEscalated(ticket, await lastSupportAnswerAt(tx, ticket.id)))
      throw new AppError("conflict", "alreadyEscalated", { date: ticket.escalatedAt });
    await tx.ticket.update({ where: { id: ticket.id }, data: { escalatedAt: now, updatedAt: now } });
    const eventId = await recordEvent(tx, ticket.id, viewer.id, "escalated", { detail: reason, at: now });
    await queueTicketMail(tx, { ticketId: ticket.id, eventId, kind: "escalated", actorId: viewer.id, text: reason });
    return { id: ticket.id, number: ticket.number, departmentId: ticket.departmentId, subject: ticket.subject };
  });
}

export async function requestCall(
  db: Db,
  viewer: Viewer,
  input: { ticket: string; phone: string; windowStart: Date; windowEnd: Date; note?: string | null },
  now: Date,
) {
  if (isStaff(viewer)) throw new AppError("forbidden", "onlyCustomersRequestCalls");
  if (input.windowEnd <= input.windowStart) throw new AppError("invalid_input", "callWindowOrder");
  if (input.windowEnd <= now) throw new AppError("invalid_input", "callWindowPast");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, input.ticket);
    assertNotClosed(ticket);
    const call = await tx.callRequest.create({
      data: {
        ticketId: ticket.id,
        requesterId: viewer.id,
        phone: input.phone,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        note: input.note ?? null,
        createdAt: now,
      },
    });
    await recordEvent(tx, ticket.id, viewer.id, "call_requested", {
      after: input.windowStart.toISOString(),
      detail: input.windowEnd.toISOString(),
      at: now,
    });
    return { id: call.id, ticketId: ticket.id };
  });
}

/** One rating per close, changeable until the ticket is reopened. */
export async function rateTicket(db: Db, viewer: Viewer, input: { ticket: string; stars: number; comment?: string | null }, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, input.ticket);
    if (isStaff(viewer)) throw new AppError("forbidden", "onlyCustomersRate");
    await refuseIfMerged(tx, ticket);
    if (!ratable(ticket.status)) throw new AppError("conflict", "rateOnlyClosed");
    const key = { ticketId_closeCycle: { ticketId: ticket.id, closeCycle: ticket.closeCount } };
    const before = await tx.rating.findUnique({ where: key });
    await tx.rating.upsert({
      where: key,
      create: {
        ticketId: ticket.id,
        userId: viewer.id,
        closeCycle: ticket.closeCount,
        stars: input.stars,
        comment: input.comment ?? null,
        createdAt: now,
      },
      update: { stars: input.stars, comment: input.comment ?? null, userId: viewer.id },
    });
    await recordEvent(tx, ticket.id, viewer.id, "rated", {
      before: before ? String(before.stars) : null,
      after: String(input.stars),
      at: now,
    });
    return { stars: input.stars, ticketId: ticket.id };
  });
}
