// Inputs of the business-calendar procedures: the form's own rules (server/sla/calendar-fields.ts,
// which the browser uses too) plus what needs the holiday data: the country must be one
// date-holidays knows, and the region one of that country's.
import { z } from "zod";
import { calendarFields, calendarIdField, calendarUpdateFields } from "../../sla/calendar-fields";
import { holidayCountries, holidayRegions } from "../../sla/holidays";
import { departmentIdField, idField } from "../../validation/fields";
import { id, serialId } from "../outputs";

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

export const holidayRegionsInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "Validation.holidayCountry" }),
});

const named = <T extends z.ZodType>(idSchema: T) => z.object({ id: idSchema, name: z.string() });

/** A calendar as create and update answer it, with who runs on it. */
export const calendarOutput = z.object({
  id: serialId,
  name: z.string(),
  /** Its name in the other languages ({"en": "Business hours", …}). */
  nameTranslations: z
    .unknown()
    .transform((v) => (v && typeof v === "object" ? (v as Partial<Record<"es" | "en" | "pt" | "fr", string>>) : {})),
  timeZone: z.string(),
  workingDays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  holidayCountry: z.string().nullable(),
  holidayRegion: z.string().nullable(),
  extraHolidays: z.array(z.string()),
  isDefault: z.boolean(),
  departments: z.array(named(serialId)),
  organizations: z.array(named(id)),
});
/** The list adds the holiday region's own name. */
export const calendarListOutput = z.array(calendarOutput.extend({ holidayRegionName: z.string().nullable() }));
/** Every department and organization with the calendar it names (null: the default). */
export const calendarAssignmentsOutput = z.object({
  departments: z.array(named(serialId).extend({ calendarId: serialId.nullable() })),
  organizations: z.array(named(id).extend({ calendarId: serialId.nullable() })),
});
/** Countries or regions with holiday data: a code and its name. */
export const holidayPlacesOutput = z.array(z.object({ code: z.string(), name: z.string() }));
