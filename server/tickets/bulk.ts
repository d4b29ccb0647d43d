// Bulk actions from the agent queue: one change (assign, status, priority, department, tags) for
// several tickets. Each ticket is changed exactly as if the agent had done it on its page — the same
// per-ticket use-cases, its own events, history entries and mails — in a transaction of its own, so
// one ticket the agent may not change does not hold back the others, and everything one ticket
// undergoes is one change: its watchers get one mail for it (server/notifications/change-mail.ts).
import type { Db } from "../db";
import type { Priority } from "../domain/priority-rules";
import type { TicketStatus } from "../domain/state-machine";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff } from "../access/principal";
import type { Viewer } from "../access/visibility";
import { formatTicketNumber } from "../domain/numbering";
import { withChangeNotice } from "./change-notice";
import { changeStatusIn } from "./change-status";
import { assignIn, priorityIn, transferIn } from "./staff-actions";
import { changeTagsOf, type TagEdit } from "./tags";

export interface BulkChange {
  /** A user id, or null to unassign; absent leaves the assignee alone. */
  assigneeId?: string | null;
  status?: TicketStatus;
  priority?: Priority;
  departmentId?: number;
  tags?: TagEdit;
}

export type BulkOutcome =
  { ref: string; ok: true; ticketId: string; reference: string } | { ref: string; ok: false; code: string; messageKey: string };

/** Applies the change to every ticket; returns one outcome per ticket, in the order asked. */
export async function bulkChange(db: Db, viewer: Viewer, refs: string[], change: BulkChange, now: Date): Promise<BulkOutcome[]> {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const outcomes: BulkOutcome[] = [];
  for (const ref of [...new Set(refs)]) {
    try {
      const done = await db.$transaction(async (tx) => {
        const ticket = await findVisibleTicket(tx, viewer, ref);
        // An agent sees a ticket they follow wherever it is, but changes only their departments' ones.
        if (viewer.role === "agent" && !viewer.departmentIds.includes(ticket.departmentId))
          throw new AppError("forbidden", "bulkNotYourDepartment");
        await withChangeNotice(tx, ticket.id, viewer.id, async () => {
          let current = ticket;
          const reread = async () => (current = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id } }));
          if (change.departmentId !== undefined) {
            await transferIn(tx, viewer, current, change.departmentId, now);
            await reread();
          }
          if (change.assigneeId !== undefined) {
            await assignIn(tx, viewer, current, change.assigneeId, now);
            await reread();
          }
          if (change.status !== undefined && change.status !== current.status) {
            await changeStatusIn(tx, viewer, current, { kind: "set_status", to: change.status }, now);
            await reread();
          }
          if (change.priority !== undefined) await priorityIn(tx, viewer, current, change.priority, now);
          if (change.tags && (change.tags.add.length || change.tags.remove.length))
            await changeTagsOf(tx, viewer, current, change.tags, now);
        });
        return ticket;
      });
      outcomes.push({ ref, ok: true, ticketId: done.id, reference: formatTicketNumber(done.number) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ ref, ok: false, code: error.code, messageKey: error.messageKey ?? error.code });
    }
  }
  return outcomes;
}
