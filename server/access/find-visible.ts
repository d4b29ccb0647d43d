// Finding one ticket by number or id, only among those the viewer may see. A ticket outside the
// viewer's reach is "not found", exactly like one that does not exist.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { parseTicketRef } from "../domain/numbering";
import type { Tx } from "../db";
import type { SystemPrincipal } from "./principal";
import { visibleTicketsWhere, type Viewer } from "./visibility";

export async function findVisibleTicket(db: Db | Tx, viewer: Viewer | SystemPrincipal, ref: string) {
  const parsed = parseTicketRef(ref);
  if (!parsed) throw new AppError("not_found", "ticketNotFound");
  const ticket = await db.ticket.findFirst({ where: { AND: [visibleTicketsWhere(viewer), parsed] } });
  if (!ticket) throw new AppError("not_found", "ticketNotFound");
  return ticket;
}
