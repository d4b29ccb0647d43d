// Saved views of the agent queue: named filters and sort an agent keeps as a tab of their own, or
// shares with every agent. Any agent may save and share their views; only the owner, or an admin,
// renames, shares, unshares, deletes or reorders one. Queries are validated as the list's input on
// the way in and again on the way out (server/trpc/saved-views/stored-query.ts).
import type { Db, Tx } from "../db";
import { AppError } from "../errors/app-error";
import { isStaff } from "../access/principal";
import type { Viewer } from "../access/visibility";
import type { TicketQuery } from "../tickets/commands";

/** What a view keeps: the list's filters and sort (never its page, cursor or size). */
export type StoredQuery = Pick<TicketQuery, "view" | "tab" | "q" | "status" | "priority" | "departmentId" | "tags" | "sort" | "dir">;
/** Reads a stored query back through the list's schema (server/trpc/saved-views/stored-query.ts):
 * `stale` when part of it no longer fits and was dropped. */
export type ReadStoredQuery = (json: unknown) => { query: StoredQuery; stale: boolean };

export const savedViewNameMax = 60;
/** Views one agent may keep (each is a count query on every queue refresh). */
export const savedViewsMax = 30;

const staffOnly = (viewer: Viewer) => {
  if (!isStaff(viewer)) throw new AppError("forbidden");
};

/** The viewer's own views (in their order), then the ones others share (by name). */
export async function listSavedViews(db: Db, viewer: Viewer, readStoredQuery: ReadStoredQuery) {
  staffOnly(viewer);
  const rows = await db.savedView.findMany({
    where: { OR: [{ ownerId: viewer.id }, { shared: true }] },
    select: { id: true, name: true, shared: true, query: true, position: true, ownerId: true, owner: { select: { name: true } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const mine = rows.filter((r) => r.ownerId === viewer.id);
  const others = rows.filter((r) => r.ownerId !== viewer.id).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return [...mine, ...others].map((r) => {
    const { query, stale } = readStoredQuery(r.query);
    return {
      id: r.id,
      name: r.name,
      shared: r.shared,
      mine: r.ownerId === viewer.id,
      owner: { id: r.ownerId, name: r.owner.name },
      canEdit: r.ownerId === viewer.id || viewer.role === "admin",
      query,
      stale,
    };
  });
}

export type SavedViewItem = Awaited<ReturnType<typeof listSavedViews>>[number];

async function nameTaken(db: Db | Tx, ownerId: string, name: string, except?: number) {
  const same = await db.savedView.findFirst({
    where: { ownerId, name: { equals: name, mode: "insensitive" }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  return same !== null;
}

export async function createSavedView(db: Db, viewer: Viewer, input: { name: string; query: StoredQuery; shared?: boolean }) {
  staffOnly(viewer);
  return db.$transaction(async (tx) => {
    const count = await tx.savedView.count({ where: { ownerId: viewer.id } });
    if (count >= savedViewsMax) throw new AppError("conflict", "savedViewsFull", { max: savedViewsMax });
    if (await nameTaken(tx, viewer.id, input.name)) throw new AppError("conflict", "savedViewNameTaken");
    const last = await tx.savedView.aggregate({ where: { ownerId: viewer.id }, _max: { position: true } });
    const created = await tx.savedView.create({
      data: {
        ownerId: viewer.id,
        name: input.name,
        shared: input.shared ?? false,
        query: input.query,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    return created;
  });
}

/** The view, when the viewer may change it (its owner, or an admin); not found when they cannot
 * see it at all (another agent's personal view), forbidden when they see it shared. */
async function editable(db: Db, viewer: Viewer, id: number) {
  staffOnly(viewer);
  const view = await db.savedView.findUnique({ where: { id }, select: { id: true, ownerId: true, shared: true } });
  if (!view || (view.ownerId !== viewer.id && !view.shared && viewer.role !== "admin")) throw new AppError("not_found");
  if (view.ownerId !== viewer.id && viewer.role !== "admin") throw new AppError("forbidden", "savedViewNotYours");
  return view;
}

export async function renameSavedView(db: Db, viewer: Viewer, id: number, name: string) {
  const view = await editable(db, viewer, id);
  if (await nameTaken(db, view.ownerId, name, id)) throw new AppError("conflict", "savedViewNameTaken");
  await db.savedView.update({ where: { id }, data: { name } });
}

export async function shareSavedView(db: Db, viewer: Viewer, id: number, shared: boolean) {
  await editable(db, viewer, id);
  await db.savedView.update({ where: { id }, data: { shared } });
}

/** Replaces a view's filters and sort with the current ones. */
export async function updateSavedViewQuery(db: Db, viewer: Viewer, id: number, query: StoredQuery) {
  await editable(db, viewer, id);
  await db.savedView.update({ where: { id }, data: { query } });
}

export async function deleteSavedView(db: Db, viewer: Viewer, id: number) {
  await editable(db, viewer, id);
  await db.savedView.delete({ where: { id } });
}

/** The viewer's own views in this order (any of theirs left out keep their place after these). */
export async function reorderSavedViews(db: Db, viewer: Viewer, ids: number[]) {
  staffOnly(viewer);
  await db.$transaction(async (tx) => {
    const own = await tx.savedView.findMany({
      where: { ownerId: viewer.id },
      select: { id: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const ownIds = new Set(own.map((v) => v.id));
    if (ids.some((id) => !ownIds.has(id))) throw new AppError("forbidden", "savedViewNotYours");
    const order = [...new Set(ids), ...own.map((v) => v.id).filter((id) => !ids.includes(id))];
    for (const [position, id] of order.entries()) await tx.savedView.update({ where: { id }, data: { position } });
  });
}
