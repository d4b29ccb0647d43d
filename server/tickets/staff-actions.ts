// What support does to a ticket besides writing and setting its status: take or assign it,
// transfer it to another department, change its priority (overriding the rule table). Each change
// is an event with a system note.
import type { Db, Tx } from "../db";
import type { Ticket } from "../db/generated/client";
import { withChangeNotice } from "./change-notice";
import { AppError } from "../errors/app-error";
import type { Priority } from "../domain/priority-rules";
import { nextStatus, writeStatus } from "./apply-transition";
import { findVisibleTicket } from "../access/find-visible";
import { departmentChangeDetail } from "../events/department-change";
import { recordEvent } from "../events/record-event";
import { actorFor, type Viewer } from "../access/visibility";
import { worksDepartmentWhere } from "../access/staff";
import type { Principal } from "../access/principal";

/** `assigneeId` null unassigns. Assigning a New ticket starts the work on it (In progress). Inside
 * the caller's transaction, the ticket already found visible. */
export async function assignIn(tx: Tx, viewer: Viewer, ticket: Ticket, assigneeId: string | null, now: Date) {
  if (ticket.assigneeId === assigneeId) return;
  let assigneeName: string | null = null;
  if (assigneeId) {
    const agent = await tx.user.findFirst({
      where: { id: assigneeId, ...worksDepartmentWhere(ticket.departmentId) },
    });
    if (!agent) throw new AppError("invalid_input", "assigneeNotInDepartment");
    assigneeName = agent.name;
  }
  await tx.ticket.update({ where: { id: ticket.id }, data: { assigneeId, updatedAt: now } });
  const previous = ticket.assigneeId ? await tx.user.findUnique({ where: { id: ticket.assigneeId }, select: { name: true } }) : null;
  await recordEvent(tx, ticket.id, viewer.id, "assigned", { before: previous?.name ?? null, after: assigneeName, at: now });
  if (assigneeId) await writeStatus(tx, ticket, nextStatus(ticket, { kind: "assign" }, actorFor(viewer, ticket)), viewer.id, now);
}

export async function assignTicket(db: Db, viewer: Viewer, ref: string, assigneeId: string | null, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    await withChangeNotice(tx, ticket.id, viewer.id, () => assignIn(tx, viewer, ticket, assigneeId, now));
    return { ticketId: ticket.id };
  });
}

/** Moves the ticket to another department; an assignee who does not work there is released. */
export async function transferIn(tx: Tx, viewer: Viewer, ticket: Ticket, departmentId: number, now: Date) {
  if (ticket.departmentId === departmentId) return;
  const from = await tx.department.findUniqueOrThrow({ where: { id: ticket.departmentId } });
  const to = await tx.department.findUnique({ where: { id: departmentId } });
  if (!to) throw new AppError("invalid_input", "departmentUnknown");
  if (to.archivedAt) throw new AppError("invalid_input", "departmentArchived");
  const keepsAssignee = ticket.assigneeId
    ? !!(await tx.user.findFirst({ where: { id: ticket.assigneeId, ...worksDepartmentWhere(departmentId) } }))
    : false;
  await tx.ticket.update({
    where: { id: ticket.id },
    // The category belongs to the old department; support picks a new one if it matters.
    data: { departmentId, categoryId: null, updatedAt: now, ...(keepsAssignee ? {} : { assigneeId: null }) },
  });
  await recordEvent(tx, ticket.id, viewer.id, "department_changed", {
    before: from.name,
    after: to.name,
    detail: departmentChangeDetail(from.id, to.id),
    at: now,
  });
}

export async function transferTicket(db: Db, viewer: Viewer, ref: string, departmentId: number, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    await withChangeNotice(tx, ticket.id, viewer.id, () => transferIn(tx, viewer, ticket, departmentId, now));
    return { ticketId: ticket.id };
  });
}

/** Inside the caller's transaction (the ticket already found visible): bulk actions and macros. */
export async function priorityIn(tx: Tx, viewer: Viewer, ticket: Pick<Ticket, "id" | "priority">, priority: Priority, now: Date) {
  if (ticket.priority === priority) return;
  await tx.ticket.update({ where: { id: ticket.id }, data: { priority, updatedAt: now } });
  await recordEvent(tx, ticket.id, viewer.id, "priority_changed", { before: ticket.priority, after: priority, at: now });
}

export async function setPriority(db: Db, viewer: Viewer, ref: string, priority: Priority, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    await withChangeNotice(tx, ticket.id, viewer.id, () => priorityIn(tx, viewer, ticket, priority, now));
    return { ticketId: ticket.id };
  });
}

/** Who may be assigned a ticket of this department. */
export const assignableAgents = (db: Db, departmentId: number) =>
  db.user.findMany({
    where: worksDepartmentWhere(departmentId),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });

/** Who the queue's bulk bar may assign tickets to: the admins and the agents of any department the
 * caller works (each ticket still refuses an agent who does not work its own department). */
export const deskAgents = (db: Db, caller: Principal) =>
  db.user.findMany({
    where: {
      deactivatedAt: null,
      ...(caller.role === "admin"
        ? { role: { in: ["admin", "agent"] } }
        : { OR: [{ role: "admin" }, { role: "agent", departments: { some: { departmentId: { in: caller.departmentIds } } } }] }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
