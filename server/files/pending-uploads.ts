// Uploads no message carries yet: removed by their uploader before sending, or by the tick's
// housekeeping when nobody sent them within a day.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { idField } from "../validation/fields";
import type { Viewer } from "../access/visibility";
import { storageOf } from "./storage";

/** Removing a pending upload (the × on the form before sending): the bytes go at once; the row
 * stays, marked, so removing and uploading again still counts towards the hourly limit. */
export async function discardUpload(db: Db, viewer: Viewer, id: string, now = new Date()): Promise<void> {
  if (!idField.safeParse(id).success) throw new AppError("not_found", "attachmentNotFound");
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
    if (gone.count)
      await storageOf(row.storage)
        .remove(row.storageKey)
        .catch((error: unknown) => console.error("[files] could not remove a stale upload", row.id, error));
  }
  return stale.length;
}
