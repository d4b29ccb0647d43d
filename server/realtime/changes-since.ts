// The catch-up after a reconnect: ticket events after a given id on tickets this person may see
// (staff-only events — internal notes, SLA alerts — only for staff), oldest first, one per ticket
// event. Bounded: a client that was away for very long gets the latest ones and the newest id.
import type { Principal } from "../access/principal";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { visibleTicketsWhere } from "../access/visibility";
import { isStaff } from "../access/principal";
import type { TicketChange } from "./events";

export const CATCH_UP_LIMIT = 1000;

export async function changesSince(db: Db, user: Principal, since: string): Promise<{ changes: TicketChange[]; latest: string | null }> {
  const where: Prisma.TicketEventWhereInput = { ticket: visibleTicketsWhere(user), ...(isStaff(user) ? {} : { staffOnly: false }) };
  const newest = await db.ticketEvent.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } });
  const latest = newest ? String(newest.id) : null;
  if (since === "") return { changes: [], latest };
  const events = await db.ticketEvent.findMany({
    where: { AND: [where, { id: { gt: BigInt(since) } }] },
    orderBy: { id: "desc" },
    take: CATCH_UP_LIMIT,
    select: { id: true, ticketId: true },
  });
  return { changes: events.reverse().map((e) => ({ ticketId: e.ticketId, eventId: String(e.id) })), latest };
}
