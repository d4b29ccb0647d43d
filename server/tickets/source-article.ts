// The help-centre article a ticket was opened from ("Creado desde el artículo …"), as requester and
// staff see it on the ticket page: its id and title, and whether it is still published (a draft or
// another language's article is named without a link). null: not opened from an article, or the
// article was deleted since.
import type { Db } from "../db";
import { findVisibleTicket } from "../access/find-visible";
import type { Viewer } from "../access/visibility";

export async function ticketSourceArticle(db: Db, viewer: Viewer, ref: string) {
  const ticket = await findVisibleTicket(db, viewer, ref);
  if (ticket.sourceArticleId === null) return null;
  return db.kbArticle.findUnique({ where: { id: ticket.sourceArticleId }, select: { id: true, title: true, published: true } });
}
