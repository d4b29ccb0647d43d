// Explicit status changes: the customer closes or reopens; support sets any status it may.
import type { Db } from "../db";
import { lifecyclePolicy, policyFor } from "../lifecycle/policy";
import { nextStatus, writeStatus } from "./apply-transition";
import { findVisibleTicket } from "../access/find-visible";
import type { LifecyclePolicy, TicketStatus } from "../domain/state-machine";
import { actorFor, type Viewer } from "../access/visibility";

type StatusAction = { kind: "close" } | { kind: "reopen" } | { kind: "set_status"; to: TicketStatus };

export async function changeStatus(db: Db, viewer: Viewer, ref: string, action: StatusAction, now: Date, policy?: LifecyclePolicy) {
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    // Whether a customer may close before "resolved" is the department's automation policy.
    const to = nextStatus(ticket, action, actorFor(viewer, ticket), policy ?? lifecyclePolicy(await policyFor(tx, ticket.departmentId)));
    const updated = await writeStatus(tx, ticket, to, viewer.id, now);
    return { id: updated.id, ticketId: updated.id, status: updated.status };
  });
}
