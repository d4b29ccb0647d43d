// Form rules of inviting someone to the support team (pure zod, shared by the browser and the procedures).
import { z } from "zod";
import { locales } from "../i18n/locales";
import { lineField, serialIdField } from "../validation/fields";

/** What a person is for Mesa (UserRole), for the browser's pickers. */
export const userRoles = ["partner", "agent", "admin"] as const;
export type UserRoleName = (typeof userRoles)[number];

export const staffInvitationFields = z.object({
  email: z
    .string({ error: "Validation.email" })
    .trim()
    .toLowerCase()
    .max(254, { error: "Validation.tooLong" })
    .pipe(z.email({ error: "Validation.email" })),
  name: lineField(120),
  role: z.enum(["agent", "admin"], { error: "Validation.invalid" }),
  departmentIds: z.array(serialIdField).max(200).default([]),
  /** The language of the invitation and of the account. */
  locale: z.enum(locales, { error: "Validation.locale" }),
});
