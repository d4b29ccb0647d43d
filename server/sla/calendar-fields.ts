// Field rules of the business-calendar form, shared by the browser and the procedures (pure zod:
// nothing but the shared fields of server/validation; messages are "Validation.*" keys). The
// procedures add what needs the holiday data (country and region among date-holidays'):
// server/trpc/admin/calendars.schema.ts.
import { z } from "zod";
import { cleanString, isInDateWindow, serialIdField } from "../validation/fields";
import { locales, type AppLocale } from "../i18n/locales";

/** "HH:MM", 00:00–23:59, or "24:00" (the end of the day). */
export const TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A time zone name the runtime knows (IANA, e.g. "Europe/Madrid" or "UTC"); offsets are refused. */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return (
    DATE_PATTERN.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

const timeField = z.string({ error: "Validation.time" }).trim().regex(TIME_PATTERN, { error: "Validation.time" });
const dayField = z
  .number({ error: "Validation.workingDays" })
  .int({ error: "Validation.workingDays" })
  .min(0, { error: "Validation.workingDays" })
  .max(6, { error: "Validation.workingDays" });

export const calendarIdField = serialIdField;

/** The calendar's name in languages other than DEFAULT_LOCALE's (whose name is `name`). */
const translationsField = z
  .object(
    Object.fromEntries(locales.map((l) => [l, cleanString().max(80, { error: "Validation.tooLong" }).optional()])) as Record<
      AppLocale,
      z.ZodOptional<ReturnType<typeof cleanString>>
    >,
  )
  .default({})
  .transform((names) => Object.fromEntries(Object.entries(names).filter(([, v]) => v)) as Partial<Record<AppLocale, string>>);

const calendarShape = {
  nameTranslations: translationsField,
  name: cleanString({ error: "Validation.required" }).min(1, { error: "Validation.required" }).max(80, { error: "Validation.tooLong" }),
  /** Stored as the runtime spells it ("utc" → "UTC"). */
  timeZone: z
    .string({ error: "Validation.timeZone" })
    .trim()
    .refine(isIanaTimeZone, { error: "Validation.timeZone" })
    .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone),
  /** 0 = Sunday … 6 = Saturday, each once. */
  workingDays: z
    .array(dayField, { error: "Validation.workingDays" })
    .min(1, { error: "Validation.workingDays" })
    .refine((days) => new Set(days).size === days.length, { error: "Validation.workingDays" })
    .transform((days) => [...days].sort((a, b) => a - b)),
  startTime: timeField,
  endTime: timeField,
  /** ISO country code of date-holidays; null: no public holidays. */
  holidayCountry: z
    .string({ error: "Validation.holidayCountry" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "Validation.holidayCountry" })
    .nullable(),
  /** A region (state, autonomous community) of that country; null: the country's holidays only. */
  holidayRegion: z
    .string({ error: "Validation.holidayRegion" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,10}$/, { error: "Validation.holidayRegion" })
    .nullable(),
  /** Days off added by hand, YYYY-MM-DD (kept once each, in order), within the accepted years. */
  extraHolidays: z
    .array(
      z
        .string({ error: "Validation.holidayDate" })
        .trim()
        .refine((day) => isIsoDate(day) && isInDateWindow(day), { error: "Validation.holidayDate" }),
      { error: "Validation.holidayDate" },
    )
    .max(500, { error: "Validation.tooLong" })
    .transform((dates) => [...new Set(dates)].sort()),
};

type Payload = { value: unknown };
const field = (payload: Payload, key: string): unknown => (payload.value as Record<string, unknown> | null)?.[key];
const validTime = (v: unknown) => typeof v === "string" && TIME_PATTERN.test(v.trim());

/** The rules across fields: the day ends after it starts, a region needs its country. They run even
 * while other fields are wrong, so every mistake shows at once. */
function withCalendarRules<
  T extends z.ZodType<{ startTime: string; endTime: string; holidayCountry: string | null; holidayRegion: string | null }>,
>(schema: T): T {
  return schema
    .refine((v) => v.endTime > v.startTime, {
      path: ["endTime"],
      error: "Validation.timeOrder",
      when: (payload) => validTime(field(payload, "startTime")) && validTime(field(payload, "endTime")),
    })
    .refine((v) => v.holidayRegion === null || v.holidayCountry !== null, {
      path: ["holidayRegion"],
      error: "Validation.holidayRegion",
      when: (payload) => field(payload, "holidayRegion") !== undefined && field(payload, "holidayCountry") !== undefined,
    }) as T;
}

export const calendarFields = withCalendarRules(z.object(calendarShape));
export const calendarUpdateFields = withCalendarRules(z.object({ id: calendarIdField, ...calendarShape }));
export type CalendarFields = z.output<typeof calendarFields>;
