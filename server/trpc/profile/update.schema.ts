import { z } from "zod";
import { Locale, UserRole } from "../../db/generated/enums";
import { localeField, nameField, passwordField, phoneField, timeZoneField } from "../../users/fields";
import { id } from "../outputs";

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

/** The person's own profile, as profile.get and profile.update answer it (never the password hash). */
export const profileOutput = z.object({
  id,
  email: z.string(),
  name: z.string(),
  locale: z.enum(Locale),
  timeZone: z.string(),
  phone: z.string().nullable(),
  role: z.enum(UserRole),
  emailNotifications: z.boolean(),
});
