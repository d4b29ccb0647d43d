// Who may read a file: a file on a message follows the ticket visibility rule (and internal notes'
// files are for support staff only); a pending upload is its uploader's alone. Anything else is
// "not found", exactly like a file that does not exist. A file of a ticket merged into another is
// also readable by whoever may see that other ticket, whose thread shows it. (Pending uploads: pending-uploads.ts.)
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { idField } from "../validation/fields";
import { visibleTicketsWhere, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { fileTypeById } from "./file-types";
import { storageOf } from "./storage";

export async function findReadableAttachment(db: Db, viewer: Viewer, id: string) {
  if (!idField.safeParse(id).success) throw new AppError("not_found", "attachmentNotFound");
  const kinds = isStaff(viewer) ? (["public", "internal"] as const) : (["public"] as const);
  const visible = visibleTicketsWhere(viewer);
  const row = await db.attachment.findFirst({
    where: {
      id,
      OR: [
        { messageId: null, uploaderId: viewer.id, discardedAt: null },
        { message: { kind: { in: [...kinds] }, ticket: { OR: [visible, { mergedInto: { is: visible } }] } } },
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
  return {
    name: row.name,
    size: row.size,
    contentType: row.contentType,
    preview: fileTypeById(row.fileType)?.preview ?? false,
    pending: row.messageId === null,
    body,
  };
}
