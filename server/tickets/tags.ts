// Tags: staff-only labels on tickets ("facturación", "vip"). Names are kept lower-case with single
// spaces, so "VIP" and " vip " are one tag. Every change is one `tags_changed` event (staff only)
// with the tags before and after, whichever channel asked: the ticket page, a macro, a bulk action,
// the REST API.
import type { Db, Tx } from "../db";
import type { Ticket } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff } from "../access/principal";
import type { Viewer } from "../access/visibility";
import { recordEvent } from "../events/record-event";
import { withChangeNotice } from "./change-notice";

export const tagNameMax = 40;

/** "  VIP  Clientes " → "vip clientes"; empty stays empty (the edge refuses it). */
export const normalizeTag = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** Tags to add and to remove, or (`set`) the whole set the ticket should have afterwards. */
export type TagChange = TagEdit | { set: string[] };
export type TagEdit = { add: string[]; remove: string[] };

/** The ticket's tags, sorted. */
export async function ticketTags(db: Db | Tx, ticketId: string): Promise<string[]> {
  const rows = await db.ticketTag.findMany({ where: { ticketId }, select: { tag: { select: { name: true } } } });
  return rows.map((r) => r.tag.name).sort((a, b) => a.localeCompare(b));
}

/** Applies a change inside the caller's transaction (the ticket already found visible). Returns the
 * tags after it; records nothing when nothing changes. */
export async function changeTagsOf(
  tx: Tx,
  viewer: Pick<Viewer, "id" | "role">,
  ticket: Pick<Ticket, "id">,
  change: TagChange,
  now: Date,
): Promise<string[]> {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const before = await ticketTags(tx, ticket.id);
  const names = (list: string[]) => [...new Set(list.map(normalizeTag).filter(Boolean))];
  const wanted = "set" in change ? names(change.set) : names(change.add);
  const dropped = "set" in change ? before.filter((n) => !wanted.includes(n)) : names(change.remove);
  const add = wanted.filter((n) => !before.includes(n));
  const remove = dropped.filter((n) => before.includes(n) && !add.includes(n));
  if (add.length === 0 && remove.length === 0) return before;
  for (const name of add) {
    const tag = await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await tx.ticketTag.create({ data: { ticketId: ticket.id, tagId: tag.id, createdAt: now } });
  }
  if (remove.length > 0) await tx.ticketTag.deleteMany({ where: { ticketId: ticket.id, tag: { name: { in: remove } } } });
  const after = [...before.filter((n) => !remove.includes(n)), ...add].sort((a, b) => a.localeCompare(b));
  await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: now } });
  await recordEvent(tx, ticket.id, viewer.id, "tags_changed", {
    before: before.join(", ") || "—",
    after: after.join(", ") || "—",
    staffOnly: true,
    at: now,
  });
  return after;
}

/** Adds and removes tags on one ticket (staff only). */
export async function changeTags(db: Db, viewer: Viewer, ref: string, change: TagChange, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, ref);
    const tags = await withChangeNotice(tx, ticket.id, viewer.id, () => changeTagsOf(tx, viewer, ticket, change, now));
    return { ticketId: ticket.id, tags };
  });
}

/** Tags that start with (or contain) what the agent typed, the most used first. */
export async function suggestTags(db: Db, viewer: Viewer, typed: string, limit = 10) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const q = normalizeTag(typed);
  const rows = await db.tag.findMany({
    where: q ? { name: { contains: q } } : {},
    select: { name: true, _count: { select: { tickets: true } } },
    orderBy: [{ tickets: { _count: "desc" } }, { name: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({ name: r.name, uses: r._count.tickets }));
}
