// The deployment's attachment policy: allowed types, bytes per message, uploads per person per hour,
// bytes per organization. One row (id 1), written by the migration, changed by admins.
import type { Db } from "../db";
import type { Tx } from "../db";
import { defaultAllowedTypes } from "./file-types";

export interface AttachmentPolicy {
  allowedTypes: string[];
  maxMessageBytes: number;
  uploadsPerHour: number;
  orgQuotaBytes: number;
}

/** Bytes as the MB that refusals and the admin screen speak of (1 MB = 1024 × 1024 bytes), to one decimal. */
export const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export const defaultAttachmentPolicy: AttachmentPolicy = {
  allowedTypes: defaultAllowedTypes,
  maxMessageBytes: 20 * 1024 * 1024,
  uploadsPerHour: 100,
  orgQuotaBytes: 5 * 1024 ** 3,
};

export async function loadAttachmentPolicy(db: Db | Tx): Promise<AttachmentPolicy> {
  const row = await db.attachmentPolicy.findUnique({ where: { id: 1 } });
  if (!row) return defaultAttachmentPolicy;
  return {
    allowedTypes: row.allowedTypes,
    maxMessageBytes: row.maxMessageBytes,
    uploadsPerHour: row.uploadsPerHour,
    orgQuotaBytes: Number(row.orgQuotaBytes),
  };
}

export async function saveAttachmentPolicy(db: Db | Tx, policy: AttachmentPolicy): Promise<AttachmentPolicy> {
  const data = { ...policy, orgQuotaBytes: BigInt(policy.orgQuotaBytes) };
  await db.attachmentPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return loadAttachmentPolicy(db);
}
