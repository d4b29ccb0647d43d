import { z } from "zod";
import { localeField, nameField, passwordField, phoneField, timeZoneField } from "../../users/fields";

export const updateProfileInput = z.object({
  name: nameField.optional(),
  locale: localeField.optional(),
  timeZone: timeZoneField.optional(),
  phone: phoneField.optional(),
  /** false: no notification emails about tickets (server/notifications/ticket-mail.ts). */
  emailNotifications: z.boolean({ error: "Validation.invalid" }).optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const changePasswordInput = z.object({ current: z.string().min(1, { error: "Validation.required" }), next: passwordField });
