// Sending a reply written from a canned reply that is also a macro: the message and the macro's
// status, priority and tags in ONE transaction, through the same use-cases as each change done by
// hand (the reply with its status move under the state machine, the priority override, the tags),
// so every rule, event and mail is theirs. A refusal of any part writes nothing at all.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff, type Principal } from "../access/principal";
import type { AddMessage } from "../tickets/commands";
import { replyToTicket } from "../tickets/reply";
import { priorityIn } from "../tickets/staff-actions";
import { changeTagsOf } from "../tickets/tags";
import { visibleCannedWhere } from "./scope";

export async function replyWithMacro(db: Db, viewer: Principal, message: AddMessage, cannedId: number, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const macro = await db.cannedReply.findFirst({
    where: { AND: [{ id: cannedId }, visibleCannedWhere(viewer)] },
    select: { setStatus: true, setPriority: true, addTags: true },
  });
  if (!macro) throw new AppError("not_found", "cannedNotFound");
  // The status is the reply's own move, so the thread shows one change ("Nuevo → Esperando su
  // respuesta"), not the reply's and then the macro's.
  return replyToTicket(db, viewer, { ...message, thenStatus: macro.setStatus }, now, async (tx, written) => {
    if (!macro.setPriority && macro.addTags.length === 0) return;
    const ticket = await findVisibleTicket(tx, viewer, written.ticketId);
    if (macro.setPriority) await priorityIn(tx, viewer, ticket, macro.setPriority, now);
    if (macro.addTags.length) await changeTagsOf(tx, viewer, ticket, { add: macro.addTags, remove: [] }, now);
  });
}
