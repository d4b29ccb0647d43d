import { z } from "zod";
import { fileTypeIds } from "../../files/file-types";
import { serialId } from "../outputs";
import { departmentIdField } from "../../validation/fields";

const MB = 1024 * 1024;

/** Sizes are edited in MB on the screen and stored in bytes. */
export const attachmentSettingsInput = z.object({
  allowedTypes: z
    .array(z.enum(fileTypeIds as [string, ...string[]], { error: "Validation.invalid" }))
    .min(1, { error: "Validation.chooseFileTypes" }),
  maxMessageMb: z.coerce
    .number({ error: "Validation.invalid" })
    .int({ error: "Validation.invalid" })
    .min(1, { error: "Validation.invalid" })
    .max(1024, { error: "Validation.invalid" }),
  uploadsPerHour: z.coerce
    .number({ error: "Validation.invalid" })
    .int({ error: "Validation.invalid" })
    .min(1, { error: "Validation.invalid" })
    .max(10_000, { error: "Validation.invalid" }),
  orgQuotaMb: z.coerce
    .number({ error: "Validation.invalid" })
    .int({ error: "Validation.invalid" })
    .min(1, { error: "Validation.invalid" })
    .max(10_000_000, { error: "Validation.invalid" }),
  sensitiveDepartmentIds: z.array(departmentIdField).max(1_000, { error: "Validation.invalid" }).default([]),
});
export type AttachmentSettingsInput = z.output<typeof attachmentSettingsInput>;

export const toPolicy = (input: AttachmentSettingsInput) => ({
  allowedTypes: input.allowedTypes,
  maxMessageBytes: input.maxMessageMb * MB,
  uploadsPerHour: input.uploadsPerHour,
  orgQuotaBytes: input.orgQuotaMb * MB,
});

/** The settings as the admin screen shows them: the policy in bytes (numbers, never BigInt) and
 * every department with whether it offers the sensitive-information box. */
export const attachmentSettingsOutput = z.object({
  policy: z.object({
    allowedTypes: z.array(z.string()),
    maxMessageBytes: z.number().int(),
    uploadsPerHour: z.number().int(),
    orgQuotaBytes: z.number().int(),
  }),
  departments: z.array(z.object({ id: serialId, name: z.string(), sensitiveInfo: z.boolean() })),
});
