// Status changes: the customer closes or reopens; support sets any status it may; the automation
// resolves and closes what time has made due. All go through the state machine and writeStatus.
import type { Db, Tx } from "../db";
import type { Ticket } from "../db/generated/client";
import { withChangeNotice } from "./change-notice";
import { lifecyclePolicy, policyFor, type Policy } from "../lifecycle/policy";
import type { AutoTransition } from "../lifecycle/due-dates";
import { nextStatus, writeStatus } from "./apply-transition";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff, systemPrincipal } from "../access/principal";
import type { TicketStatus } from "../domain/state-machine";
import { actorFor, type Viewer } from "../access/visibility";
import type { ChangeStatus } from "./commands";
import { refuseIfMerged } from "./merge";

/** A person's status change inside the caller's transaction (the ticket already found visible). */
export async function changeStatusIn(tx: Tx, viewer: Viewer, ticket: Ticket, action: ChangeStatus, now: Date) {
  await refuseIfMerged(tx, ticket);
  // Whether a customer may close before "resolved" is the department's automation policy.
  const to = nextStatus(ticket, action, actorFor(viewer, ticket), lifecyclePolicy(await policyFor(tx, ticket.departmentId)));
  return (await writeStatus(tx, ticket, to, viewer.id, now))!;
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

/** The automation's move of one due ticket, as the system. `seen` is the ticket as the tick read it:
 * when another tick (another node) moved it meanwhile, nothing is written and false comes back. */
export async function applyAutoTransition(
  db: Db,
  seen: { id: string; status: TicketStatus; statusChangedAt: Date },
  due: AutoTransition,
  policy: Policy,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, systemPrincipal, seen.id);
    if (ticket.status !== seen.status || +ticket.statusChangedAt !== +seen.statusChangedAt) return false;
    const to = nextStatus(ticket, { kind: due.to === "resolved" ? "auto_resolve" : "auto_close" }, actorFor(systemPrincipal, ticket));
    return (await writeStatus(tx, ticket, to, systemPrincipal.id, now, { auto: { due, policy }, expect: seen })) !== null;
  });
}
