// Merging a duplicate into another ticket (staff only). The duplicate is closed through the status
// machinery (its SLA clocks stop, its sensitive box is erased) and points to the target; its people
// follow the target; its messages and files show in the target's thread (get-ticket.ts), and mail
// answering it lands there (server/inbound/thread.ts). Both sides are told by mail, each person once.
// A merge never crosses organizations, never goes into itself, into a merged ticket or into a closed
// one (reopen it first); what was merged into the duplicate moves on to the target, so a target is
// never itself merged and a thread is read one level deep.
import type { Db, Tx } from "../db";
import type { Ticket } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { actorFor, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { formatTicketNumber } from "../domain/numbering";
import { recordEvent } from "../events/record-event";
import { queueTicketMail } from "../notifications/ticket-mail";
import { nextStatus, writeStatus } from "./apply-transition";

/** The ticket a merged one points to (itself when it is not merged): where its mail goes. */
export async function followMerge(db: Db | Tx, ticketId: string): Promise<string> {
  const row = await db.ticket.findUnique({ where: { id: ticketId }, select: { mergedIntoId: true } });
  return row?.mergedIntoId ?? ticketId;
}

/** A merged ticket takes nothing more (reply, status change, rating): the refusal names the target. */
export async function refuseIfMerged(db: Db | Tx, ticket: Pick<Ticket, "mergedIntoId">): Promise<void> {
  if (!ticket.mergedIntoId) return;
  const target = await db.ticket.findUnique({ where: { id: ticket.mergedIntoId }, select: { number: true } });
  throw new AppError("conflict", "ticketMerged", { reference: target ? formatTicketNumber(target.number) : "—" });
}

/** Both tickets' rows, locked in one order: two merges of the same pair (A→B, B→A) run one after the other. */
async function lockPair(tx: Tx, a: string, b: string) {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id IN (${a}::uuid, ${b}::uuid) ORDER BY id FOR UPDATE`;
}

export async function mergeTicket(db: Db, viewer: Viewer, ref: string, intoRef: string, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const seen = await findVisibleTicket(tx, viewer, ref);
    const seenTarget = await findVisibleTicket(tx, viewer, intoRef);
    if (seen.id === seenTarget.id) throw new AppError("conflict", "mergeIntoItself");
    await lockPair(tx, seen.id, seenTarget.id);
    // Read again under the lock: another merge may have just committed.
    const duplicate = await tx.ticket.findUniqueOrThrow({ where: { id: seen.id } });
    const target = await tx.ticket.findUniqueOrThrow({ where: { id: seenTarget.id } });
    await refuseIfMerged(tx, duplicate);
    if (target.mergedIntoId) throw new AppError("conflict", "mergeIntoMerged", { reference: formatTicketNumber(target.number) });
    // Without an organization a ticket is its requester's alone: such tickets merge only with the same requester's.
    const sameCustomer = duplicate.organizationId
      ? duplicate.organizationId === target.organizationId
      : !target.organizationId && duplicate.requesterId === target.requesterId;
    if (!sameCustomer) throw new AppError("conflict", "mergeAcrossOrganizations");
    if (target.status === "closed") throw new AppError("conflict", "mergeIntoClosed");

    const duplicateRef = formatTicketNumber(duplicate.number);
    const targetRef = formatTicketNumber(target.number);
    const intoEvent = await recordEvent(tx, duplicate.id, viewer.id, "merged_into", { after: targetRef, at: now });
    await tx.ticket.update({ where: { id: duplicate.id }, data: { mergedIntoId: target.id, updatedAt: now } });
    // Closed like any close (SLA clocks stop, the sensitive box is erased), but without the "closed"
    // mail and its invitation to rate: the merge mail tells the customer where the conversation goes on.
    if (duplicate.status !== "closed") {
      const to = nextStatus(duplicate, { kind: "close" }, actorFor(viewer, duplicate));
      await writeStatus(tx, duplicate, to, viewer.id, now, { quiet: true });
    }
    // Tickets merged into the duplicate earlier now show in the target.
    await tx.ticket.updateMany({ where: { mergedIntoId: duplicate.id }, data: { mergedIntoId: target.id } });

    // The duplicate's requester and interested users follow the target, so they can read on there.
    const followers = await tx.watcher.findMany({ where: { ticketId: duplicate.id }, select: { userId: true } });
    const people = [...new Set([duplicate.requesterId, ...followers.map((w) => w.userId)])];
    const already = await tx.watcher.findMany({ where: { ticketId: target.id, userId: { in: people } }, select: { userId: true } });
    const joining = people.filter((id) => id !== target.requesterId && !already.some((w) => w.userId === id));
    if (joining.length) {
      await tx.watcher.createMany({
        data: joining.map((userId) => ({ ticketId: target.id, userId, addedById: viewer.id, createdAt: now })),
        skipDuplicates: true,
      });
    }

    const fromEvent = await recordEvent(tx, target.id, viewer.id, "merged_from", { before: duplicateRef, at: now });
    await tx.ticket.update({ where: { id: target.id }, data: { updatedAt: now } });
    // Each person is told once: the duplicate's people by the duplicate's mail (it names the target);
    // the target's other people by the target's.
    await queueTicketMail(tx, {
      ticketId: duplicate.id,
      eventId: intoEvent,
      kind: "merged_into",
      actorId: viewer.id,
      other: { number: target.number, subject: target.subject },
    });
    await queueTicketMail(tx, {
      ticketId: target.id,
      eventId: fromEvent,
      kind: "merged_from",
      actorId: viewer.id,
      other: { number: duplicate.number, subject: duplicate.subject },
      exclude: people,
    });
    return { ticketId: duplicate.id, into: { id: target.id, reference: targetRef } };
  });
}
