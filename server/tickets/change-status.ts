// Status changes: the customer closes or reopens; support sets any status it may; the automation
// resolves and closes what time has made due. All go through the state machine and writeStatus.
import type { Db, Tx } from "../db";
import type { Ticket } from "../db/generated/client";
import { withChangeNotice } from "./change-notice";
import { lifecyclePolicy, policyFor, type Policy } from "../lifecycle/policy";
import type { AutoTransition } from "../lifecycle/due-dates";
import type { DueReader } from "../lifecycle/ticket-due";
import { nextStatus, writeStatus, writeStatuses } from "./apply-transition";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff, systemPrincipal } from "../access/principal";
import type { TicketStatus } from "../domain/state-machine";
import { actorFor, visibleTicketsWhere, type Viewer } from "../access/visibility";
import type { ChangeStatus } from "./commands";
import { refuseIfMerged } from "./merge";

/** A person's status change inside the caller's transaction (the ticket already found visible). */
export async function changeStatusIn(tx: Tx, viewer: Viewer, ticket: Ticket, action: ChangeStatus, now: Date) {
  await refuseIfMerged(tx, ticket);
  // Whether a customer may close before "resolved" is the department's automation policy.
  const to = nextStatus(ticket, action, actorFor(viewer, ticket), lifecyclePolicy(await policyFor(tx, ticket.departmentId)));
  return writeStatus(tx, ticket, to, viewer.id, now);
}

export async function changeStatus(db: Db, viewer: Viewer, ref: string, action: ChangeStatus, now: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    const updated = isStaff(viewer)
      ? await withChangeNotice(tx, ticket.id, viewer.id, () => changeStatusIn(tx, viewer, ticket, action, now))
      : await changeStatusIn(tx, viewer, ticket, action, now);
    return { id: updated.id, ticketId: updated.id, status: updated.status };
  });
}

/** A ticket the automation found due, as its tick read it, with the rule that made it due. */
export interface DueMove {
  seen: { id: string; status: TicketStatus; statusChangedAt: Date };
  due: AutoTransition;
  policy: Policy;
}

/** The automation's moves of a batch of due tickets, as the system, in one transaction. A ticket
 * another tick (another node) holds is skipped, not waited for; one it moved meanwhile (status or
 * since when no longer as read) is not written. Returns the ids of the tickets moved. */
export async function applyAutoTransitions(db: Db, moves: DueMove[], now: Date, dueOf: DueReader): Promise<Set<string>> {
  if (!moves.length) return new Set();
  const bySeen = new Map(moves.map((m) => [m.seen.id, m]));
  return db.$transaction(
    async (tx) => {
      const free = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Ticket" WHERE id = ANY(${[...bySeen.keys()]}::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`;
      const tickets = await tx.ticket.findMany({
        where: { AND: [visibleTicketsWhere(systemPrincipal), { id: { in: free.map((r) => r.id) } }] },
      });
      const writes = tickets.flatMap((ticket) => {
        const { seen, due, policy } = bySeen.get(ticket.id)!;
        if (ticket.status !== seen.status || +ticket.statusChangedAt !== +seen.statusChangedAt) return [];
        const to = nextStatus(ticket, { kind: due.to === "resolved" ? "auto_resolve" : "auto_close" }, actorFor(systemPrincipal, ticket));
        // Locked and re-read above: no other writer can move it before this commits.
        return [{ ticket, to, cause: { auto: { due, policy } } }];
      });
      const written = await writeStatuses(tx, writes, systemPrincipal.id, now, dueOf);
      return new Set(written.map((t) => t.id));
    },
    { timeout: 60_000 },
  );
}
