// Inputs and outputs of Admin > Organizations (field rules: server/organizations/organization-fields.ts).
import { z } from "zod";
import { ServiceKind } from "../../db/generated/enums";
import { organizationFields, organizationUpdateFields, serviceFields, serviceUpdateFields } from "../../organizations/organization-fields";
import { cleanString, idField } from "../../validation/fields";
import { id, serialId } from "../outputs";

export const searchOrganizationsInput = z.object({ q: cleanString().max(120, { error: "Validation.tooLong" }).default("") });
export const organizationIdInput = z.object({ id: idField });
export const createOrganizationInput = organizationFields;
export const updateOrganizationInput = organizationUpdateFields;
export const createServiceInput = serviceFields;
export const updateServiceInput = serviceUpdateFields;

export const organizationSearchOutput = z.object({
  total: z.number().int(),
  organizations: z.array(
    z.object({
      id,
      name: z.string(),
      archived: z.boolean(),
      members: z.number().int(),
      services: z.number().int(),
      tickets: z.number().int(),
    }),
  ),
});

export const organizationAdminOutput = z.object({
  id,
  name: z.string(),
  membersSeeAllTickets: z.boolean(),
  calendarId: serialId.nullable(),
  archived: z.boolean(),
  ticketCount: z.number().int(),
  services: z.array(
    z.object({
      id,
      name: z.string(),
      kind: z.enum(ServiceKind),
      identifier: z.string(),
      active: z.boolean(),
      ticketCount: z.number().int(),
    }),
  ),
  calendars: z.array(z.object({ id: serialId, name: z.string(), isDefault: z.boolean() })),
});

export const namedUuidOutput = z.object({ id, name: z.string() });
