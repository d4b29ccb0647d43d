import { z } from "zod";
import { fileTypeIds } from "../../files/file-types";

const MB = 1024 * 1024;

/** Sizes are edited in MB on the screen and stored in bytes. */
export const attachmentSettingsInput = z.object({
  allowedTypes: z.array(z.enum(fileTypeIds as [string, ...string[]], { error: "Validation.invalid" })).min(1, { error: "Validation.chooseFileTypes" }),
  maxMessageMb: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(1, { error: "Validation.invalid" }).max(1024, { error: "Validation.invalid" }),
  uploadsPerHour: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(1, { error: "Validation.invalid" }).max(10_000, { error: "Validation.invalid" }),
  orgQuotaMb: z.coerce.number({ error: "Validation.invalid" }).int({ error: "Validation.invalid" }).min(1, { error: "Validation.invalid" }).max(10_000_000, { error: "Validation.invalid" }),
  sensitiveDepartmentIds: z.array(z.coerce.number().int().positive()).default([]),
});
export type AttachmentSettingsInput = z.output<typeof attachmentSettingsInput>;

export const toPolicy = (input: AttachmentSettingsInput) => ({
  allowedTypes: input.allowedTypes,
  maxMessageBytes: input.maxMessageMb * MB,
  uploadsPerHour: input.uploadsPerHour,
  orgQuotaBytes: input.orgQuotaMb * MB,
});
