// Form rules of Admin > Organizations (pure zod, shared by the browser and the procedures).
import { z } from "zod";
import { ServiceKind } from "../db/generated/enums";
import { cleanString, idField, lineField, serialIdField } from "../validation/fields";

export const serviceKinds = Object.values(ServiceKind);
export type ServiceKindName = (typeof serviceKinds)[number];

export const organizationFields = z.object({
  name: lineField(120),
  membersSeeAllTickets: z.boolean().default(false),
  /** Business hours contracted (e.g. a 24/7 plan); null: the department's or the default calendar. */
  calendarId: serialIdField.nullable().default(null),
});
export const organizationUpdateFields = organizationFields.extend({ id: idField });

export const serviceFields = z.object({
  organizationId: idField,
  name: lineField(120),
  kind: z.enum(ServiceKind, { error: "Validation.invalid" }),
  /** A domain, a host name or address, a contract number. */
  identifier: cleanString().max(200, { error: "Validation.tooLong" }).default(""),
});
export const serviceUpdateFields = serviceFields.omit({ organizationId: true }).extend({ id: idField, active: z.boolean() });
