// Sending a message with files: the uploads must be the sender's own, still pending, meant for this
// ticket (or for no ticket yet), and together within the per-message limit. `fileUploads` runs
// before the message's transaction and moves files into the ticket's organization when the form's
// organization changed after uploading; `linkUploads` joins them to the message inside it.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { Tx } from "../db";
import { loadAttachmentPolicy, megabytes } from "./policy";
import { storageOf } from "./storage";
import { spaceFor } from "./storage/contract";

export async function fileUploads(
  db: Db,
  uploaderId: string,
  ids: readonly string[],
  ticket: { id?: string; organizationId: string | null },
): Promise<void> {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const rows = await db.attachment.findMany({ where: { id: { in: unique }, uploaderId, messageId: null, discardedAt: null } });
  if (rows.length !== unique.length || rows.some((r) => r.ticketId && r.ticketId !== ticket.id))
    throw new AppError("invalid_input", "attachmentNotFound");
  const policy = await loadAttachmentPolicy(db);
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  if (total > policy.maxMessageBytes)
    throw new AppError("invalid_input", "attachmentsTooLarge", { max: megabytes(policy.maxMessageBytes) });
  for (const row of rows) {
    if (row.organizationId === ticket.organizationId) continue;
    const storageKey = await storageOf(row.storage).move(row.storageKey, spaceFor({ organizationId: ticket.organizationId, uploaderId }));
    await db.attachment.update({ where: { id: row.id }, data: { storageKey, organizationId: ticket.organizationId } });
  }
}

/** Returns the names of the files now on the message (for the mails that tell of it). */
export async function linkUploads(
  tx: Tx,
  uploaderId: string,
  ids: readonly string[],
  ticketId: string,
  messageId: string,
): Promise<string[]> {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const linked = await tx.attachment.updateMany({
    where: { id: { in: unique }, uploaderId, messageId: null, discardedAt: null, OR: [{ ticketId: null }, { ticketId }] },
    data: { ticketId, messageId },
  });
  // Another send took one of them meanwhile: nothing of this message is written.
  if (linked.count !== unique.length) throw new AppError("conflict", "attachmentNotFound");
  const files = await tx.attachment.findMany({ where: { messageId }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return files.map((f) => f.name);
}
