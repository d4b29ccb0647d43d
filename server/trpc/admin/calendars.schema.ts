// Inputs of the business-calendar procedures: the form's own rules (server/sla/calendar-fields.ts,
// which the browser uses too) plus what needs the holiday data: the country must be one
// date-holidays knows, and the region one of that country's.
import { z } from "zod";
import { calendarFields, calendarIdField, calendarUpdateFields } from "../../sla/calendar-fields";
import { holidayCountries, holidayRegions } from "../../sla/holidays";
import { departmentIdField, idField } from "../../validation/fields";

let countryCodes: ReadonlySet<string> | undefined;
const knownCountry = (code: string) => (countryCodes ??= new Set(holidayCountries().map(([c]) => c))).has(code);

function holidayRules(value: { holidayCountry: string | null; holidayRegion: string | null }, ctx: z.RefinementCtx) {
  const { holidayCountry: country, holidayRegion: region } = value;
  if (country === null) return;
  if (!knownCountry(country)) {
    ctx.addIssue({ code: "custom", path: ["holidayCountry"], message: "Validation.holidayCountry" });
    return;
  }
  if (region !== null && !holidayRegions(country).some(([code]) => code === region)) {
    ctx.addIssue({ code: "custom", path: ["holidayRegion"], message: "Validation.holidayRegion" });
  }
}

export const createCalendarInput = calendarFields.superRefine(holidayRules);
export const updateCalendarInput = calendarUpdateFields.superRefine(holidayRules);
export const calendarIdInput = z.object({ id: calendarIdField });

/** One department's or one organization's calendar; null: back to the default. */
export const assignCalendarInput = z.union(
  [
    z.strictObject({ departmentId: departmentIdField, calendarId: calendarIdField.nullable() }),
    z.strictObject({ organizationId: idField, calendarId: calendarIdField.nullable() }),
  ],
  { error: "Validation.invalid" },
);

export const holidayRegionsInput = z.object({ country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "Validation.holidayCountry" }) });
