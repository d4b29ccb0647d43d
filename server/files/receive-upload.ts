// Receiving one uploaded file, before the message that will carry it is sent: who may upload for
// what (a visible, open ticket, or one of their organizations for a new ticket), the limits (type
// by name and by content, size, uploads per hour, the organization's storage), then the bytes go
// to storage and a pending Attachment row records them. Every refusal names the file and the rule.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "../db";
import { canAccessTicketing, isStaff, type Principal } from "../access/principal";
import { AppError } from "../errors/app-error";
import { assertNotClosed } from "../domain/guards";
import { findVisibleTicket } from "../access/find-visible";
import { extensionsOf, typeByName, type FileTypeSpec } from "./file-types";
import { cleanFileName } from "./file-name";
import { loadAttachmentPolicy, megabytes, type AttachmentPolicy } from "./policy";
import { contentIs } from "./recognize";
import { activeStorage, incomingDir } from "./storage";
import { spaceFor } from "./storage/contract";

export interface UploadTarget {
  /** Replying to this ticket (number or id)… */
  ticket?: string;
  /** …or opening a ticket for this organization (null: without one). */
  organizationId?: string | null;
}

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  fileType: string;
}

const HOUR = 3_600_000;

async function ownerOf(db: Db, user: Principal, target: UploadTarget): Promise<{ organizationId: string | null; ticketId: string | null }> {
  if (target.ticket) {
    const ticket = await findVisibleTicket(db, user, target.ticket);
    assertNotClosed(ticket);
    return { organizationId: ticket.organizationId, ticketId: ticket.id };
  }
  const organizationId = target.organizationId ?? null;
  // Members upload for their organization; so do its authorized contacts, for the ticket they open
  // (createTicket then checks the contact's category).
  const actsFor = user.organizations.some((o) => o.id === organizationId) || user.contacts.some((c) => c.organizationId === organizationId);
  if (organizationId && user.role !== "admin" && !actsFor) {
    throw new AppError("forbidden", "organizationNotYours");
  }
  return { organizationId, ticketId: null };
}

/** Limits that do not need the bytes: the type its name claims, the declared size, the hourly
 * count. Returns the claimed type. */
async function checkBefore(
  db: Db,
  user: Principal,
  policy: AttachmentPolicy,
  name: string,
  size: number | undefined,
  now: Date,
): Promise<FileTypeSpec> {
  const claimed = typeByName(name, policy.allowedTypes);
  if (!claimed) throw new AppError("invalid_input", "fileTypeNotAllowed", { name, types: extensionsOf(policy.allowedTypes).join(", ") });
  if (size !== undefined && size > policy.maxMessageBytes)
    throw new AppError("invalid_input", "fileTooLarge", { name, max: megabytes(policy.maxMessageBytes) });
  // Removed uploads count too: removing and uploading again is no way round the limit.
  const recent = await db.attachment.count({ where: { uploaderId: user.id, createdAt: { gt: new Date(+now - HOUR) } } });
  if (recent >= policy.uploadsPerHour) throw new AppError("rate_limited", "uploadRateLimited", { count: policy.uploadsPerHour });
  return claimed;
}

/** Whether `size` more bytes fit in the organization's storage (or the uploader's, without one). */
async function checkQuota(db: Db, user: Principal, policy: AttachmentPolicy, size: number, organizationId: string | null) {
  const used = await db.attachment.aggregate({
    _sum: { size: true },
    where: { discardedAt: null, ...(organizationId ? { organizationId } : { organizationId: null, uploaderId: user.id }) },
  });
  if ((used._sum.size ?? 0) + size > policy.orgQuotaBytes)
    throw new AppError("invalid_input", "storageQuotaReached", { max: megabytes(policy.orgQuotaBytes) });
}

/** Writes the body to a temporary file, refusing it as soon as it passes `max` bytes. */
async function receiveBytes(body: ReadableStream<Uint8Array> | Readable, file: string, max: number, name: string): Promise<number> {
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > max) done(new AppError("invalid_input", "fileTooLarge", { name, max: megabytes(max) }));
      else done(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream);
  await pipeline(source, cap, createWriteStream(file, { flags: "wx" }));
  return received;
}

export async function receiveUpload(
  db: Db,
  user: Principal,
  input: { name: string; size?: number; target: UploadTarget; body: ReadableStream<Uint8Array> | Readable },
  now: Date,
): Promise<UploadedFile> {
  if (!isStaff(user) && !canAccessTicketing(user)) throw new AppError("forbidden");
  const name = cleanFileName(input.name);
  if (!name) throw new AppError("invalid_input", "fileNameMissing");
  const owner = await ownerOf(db, user, input.target);
  const policy = await loadAttachmentPolicy(db);
  const claimed = await checkBefore(db, user, policy, name, input.size, now);
  await checkQuota(db, user, policy, input.size ?? 0, owner.organizationId);

  const dir = incomingDir();
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, randomBytes(16).toString("hex"));
  try {
    const size = await receiveBytes(input.body, temp, policy.maxMessageBytes, name);
    if (size === 0) throw new AppError("invalid_input", "fileEmpty", { name });
    if (!(await contentIs(temp, claimed)))
      throw new AppError("invalid_input", "fileContentMismatch", { name, type: claimed.extensions[0]! });
    // The declared size may have been absent or wrong: the storage is checked again with the real one.
    await checkQuota(db, user, policy, size, owner.organizationId);
    const storage = activeStorage();
    const key = await storage.put(spaceFor({ organizationId: owner.organizationId, uploaderId: user.id }), temp, {
      name,
      contentType: claimed.contentType,
    });
    const row = await db.attachment
      .create({
        data: {
          storage: storage.kind,
          storageKey: key,
          name,
          size,
          fileType: claimed.id,
          contentType: claimed.contentType,
          organizationId: owner.organizationId,
          uploaderId: user.id,
          ticketId: owner.ticketId,
          createdAt: now,
        },
      })
      .catch(async (error: unknown) => {
        // No row, no file: bytes nobody can reach are not kept.
        await storage.remove(key).catch(() => {});
        throw error;
      });
    return { id: row.id, name, size, fileType: row.fileType };
  } finally {
    await rm(temp, { force: true });
  }
}
