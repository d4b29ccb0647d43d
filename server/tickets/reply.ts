// Adding to the thread: a customer reply (which moves pending/resolved tickets back to work), an
// agent's public reply (the first one is the first response) or an internal note.
import type { Db, Tx } from "../db";
import { worksDepartmentWhere } from "../access/staff";
import { AppError } from "../errors/app-error";
import { nextStatus, writeStatus } from "./apply-transition";
import { assertNotClosed } from "../domain/guards";
import { findVisibleTicket } from "../access/find-visible";
import { indexMessage, reindexTicket } from "./message-search";
import { recordEvent } from "../events/record-event";
import { queueTicketMail } from "../notifications/ticket-mail";
import { fileUploads, linkUploads } from "../files/attach-uploads";
import { storeSensitive } from "../sensitive/sensitive-info";
import { actorFor, type Viewer } from "../access/visibility";
import type { AddMessage, AlongWith } from "./commands";
import { isStaff } from "../access/principal";
import { refuseIfMerged } from "./merge";

/** An agent's public reply to an unassigned ticket takes it, where the department says so
 * (Department.takeOnReply, on by default): whoever answered the customer owns the follow-up. */
async function takeOnReply(tx: Tx, viewer: Viewer, ticket: { id: string; departmentId: number; assigneeId: string | null }, now: Date) {
  if (ticket.assigneeId) return;
  const department = await tx.department.findUniqueOrThrow({ where: { id: ticket.departmentId }, select: { takeOnReply: true } });
  if (!department.takeOnReply) return;
  const agent = await tx.user.findFirst({ where: { id: viewer.id, ...worksDepartmentWhere(ticket.departmentId) }, select: { name: true } });
  if (!agent) return;
  await tx.ticket.update({ where: { id: ticket.id }, data: { assigneeId: viewer.id } });
  await recordEvent(tx, ticket.id, viewer.id, "assigned", { before: null, after: agent.name, at: now });
}

export async function replyToTicket(db: Db, viewer: Viewer, input: AddMessage, now: Date, alongWith?: AlongWith) {
  const attachmentIds = input.attachmentIds;
  const internal = input.visibility === "internal";
  if (attachmentIds.length) {
    const target = await findVisibleTicket(db, viewer, input.ticket);
    await fileUploads(db, viewer.id, attachmentIds, target);
  }
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, input.ticket);
    const staff = isStaff(viewer);
    if (internal && !staff) throw new AppError("forbidden", "internalNotesAreForStaff");
    const actor = actorFor(viewer, ticket);
    await refuseIfMerged(tx, ticket);
    assertNotClosed(ticket);
    const replied = internal ? ticket.status : nextStatus(ticket, { kind: staff ? "agent_reply" : "customer_reply" }, actor);
    // A macro's status is the one move of this step (one status change, not the reply's and then its).
    const then = input.thenStatus;
    const to = then && then !== replied ? nextStatus({ status: replied }, { kind: "set_status", to: then }, actor) : replied;
    const message = await tx.message.create({
      data: {
        ticketId: ticket.id,
        authorId: viewer.id,
        kind: internal ? "internal" : "public",
        body: input.body,
        quotedText: input.quoted ?? null,
        createdAt: now,
      },
    });
    await indexMessage(tx, ticket.id, internal ? "internal" : "public", input.body);
    if (staff && !internal) await takeOnReply(tx, viewer, ticket, now);
    const files = await linkUploads(tx, viewer.id, attachmentIds, ticket.id, message.id);
    if (input.sensitive) await storeSensitive(tx, ticket, message.id, input.sensitive, now);
    const firstResponse = staff && !internal && !ticket.firstResponseAt && ticket.requesterId !== viewer.id;
    await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: now, ...(firstResponse ? { firstResponseAt: now } : {}) } });
    const eventId = await recordEvent(tx, ticket.id, viewer.id, internal ? "note_added" : "replied", {
      detail: message.id,
      staffOnly: !!internal,
      at: now,
    });
    if (staff && !internal)
      await queueTicketMail(tx, { ticketId: ticket.id, eventId, kind: "agent_reply", actorId: viewer.id, text: input.body, files });
    const refused = input.refusedFiles ?? [];
    if (refused.length) await recordEvent(tx, ticket.id, null, "files_refused", { detail: refused.join("; "), at: now });
    await writeStatus(tx, ticket, to, viewer.id, now);
    await alongWith?.(tx, { ticketId: ticket.id, messageId: message.id });
    return { id: message.id, status: to, ticketId: ticket.id };
  });
}

/** Editing one's own message keeps the earlier text as a version. */
export async function editMessage(db: Db, viewer: Viewer, input: { messageId: string; body: string }, now: Date) {
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({ where: { id: input.messageId } });
    if (!message) throw new AppError("not_found", "messageNotFound");
    const ticket = await findVisibleTicket(tx, viewer, message.ticketId);
    if (message.authorId !== viewer.id || message.kind === "system") throw new AppError("forbidden", "onlyOwnMessages");
    if (message.kind === "internal" && !isStaff(viewer)) throw new AppError("not_found", "messageNotFound");
    assertNotClosed(ticket);
    if (message.body === input.body) return { id: message.id, ticketId: ticket.id };
    await tx.messageVersion.create({ data: { messageId: message.id, body: message.body, replacedAt: now } });
    await tx.message.update({ where: { id: message.id }, data: { body: input.body, editedAt: now } });
    await reindexTicket(tx, ticket.id);
    await recordEvent(tx, ticket.id, viewer.id, "message_edited", { detail: message.id, staffOnly: message.kind === "internal", at: now });
    return { id: message.id, ticketId: ticket.id };
  });
}
