// Who may read a file: a file on a message follows the ticket visibility rule (and internal notes'
// files are for support staff only); a pending upload is its uploader's alone. Anything else is
// "not found", exactly like a file that does not exist.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { isSupportStaff, visibleTicketsWhere, type Viewer } from "../tickets/visibility";
import { fileTypeById } from "./file-types";
import { storageOf } from "./storage";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findReadableAttachment(db: Db, viewer: Viewer, id: string) {
  if (!uuid.test(id)) throw new AppError("not_found", "attachmentNotFound");
  const kinds = isSupportStaff(viewer) ? (["public", "internal"] as const) : (["public"] as const);
  const row = await db.attachment.findFirst({
    where: {
      id,
      OR: [
        { messageId: null, uploaderId: viewer.id, discardedAt: null },
        { message: { kind: { in: [...kinds] }, ticket: visibleTicketsWhere(viewer) } },
      ],
    },
  });
  if (!row) throw new AppError("not_found", "attachmentNotFound");
  return row;
}

export async function openAttachment(db: Db, viewer: Viewer, id: string) {
  const row = await findReadableAttachment(db, viewer, id);
  const body = await storageOf(row.storage).read(row.storageKey);
  if (!body) throw new AppError("not_found", "attachmentNotFound");
  return { name: row.name, size: row.size, contentType: row.contentType, preview: fileTypeById(row.fileType)?.preview ?? false, pending: row.messageId === null, body };
}

/** Removing a pending upload (the × on the form before sending): the bytes go at once; the row
 * stays, marked, so removing and uploading again still counts towards the hourly limit. */
export async function discardUpload(db: Db, viewer: Viewer, id: string, now = new Date()): Promise<void> {
  if (!uuid.test(id)) throw new AppError("not_found", "attachmentNotFound");
  const row = await db.attachment.findFirst({ where: { id, uploaderId: viewer.id, messageId: null, discardedAt: null } });
  if (!row) throw new AppError("not_found", "attachmentNotFound");
  const marked = await db.attachment.updateMany({ where: { id: row.id, messageId: null, discardedAt: null }, data: { discardedAt: now } });
  if (!marked.count) throw new AppError("not_found", "attachmentNotFound"); // sent meanwhile
  await storageOf(row.storage).remove(row.storageKey);
}

/** Pending uploads nobody sent within a day (a form abandoned, or removed) go, bytes and row. */
export async function removeStaleUploads(db: Db, now: Date): Promise<number> {
  const stale = await db.attachment.findMany({ where: { messageId: null, createdAt: { lt: new Date(+now - 86_400_000) } }, take: 500 });
  for (const row of stale) {
    const gone = await db.attachment.deleteMany({ where: { id: row.id, messageId: null } });
    if (gone.count) await storageOf(row.storage).remove(row.storageKey).catch((error: unknown) => console.error("[files] could not remove a stale upload", row.id, error));
  }
  return stale.length;
}
