// Business calendars as stored (BusinessCalendar rows) → the pure calendar the clocks run on. A
// ticket runs on its organization's calendar, else its department's, else the default one.
import type { Db } from "../db";
import type { Tx } from "../db";
import type { BusinessCalendar } from "./business-calendar";
import { publicHolidays } from "./holidays";

export interface StoredCalendar {
  name: string;
  /** Its name in other languages (server/i18n/localized.ts). */
  nameTranslations?: unknown;
  timeZone: string;
  workingDays: number[];
  startTime: string;
  endTime: string;
  holidayCountry: string | null;
  holidayRegion: string | null;
  extraHolidays: string[];
}

/** Round the clock, every day: what runs when no calendar exists at all. */
export const allHours: StoredCalendar = {
  name: "24/7",
  timeZone: "UTC",
  workingDays: [0, 1, 2, 3, 4, 5, 6],
  startTime: "00:00",
  endTime: "24:00",
  holidayCountry: null,
  holidayRegion: null,
  extraHolidays: [],
};

/** Holidays are loaded for the years around `around` (clocks look back and ahead a little). */
export function toBusinessCalendar(stored: StoredCalendar, around: Date): BusinessCalendar {
  const year = around.getUTCFullYear();
  const years = [year - 1, year, year + 1, year + 2];
  const holidays = stored.holidayCountry
    ? publicHolidays(stored.holidayCountry, stored.holidayRegion ?? undefined, years)
    : new Set<string>();
  for (const d of stored.extraHolidays) holidays.add(d);
  return { timeZone: stored.timeZone, workingDays: stored.workingDays, start: stored.startTime, end: stored.endTime, holidays };
}

const calendarSelect = {
  name: true,
  nameTranslations: true,
  timeZone: true,
  workingDays: true,
  startTime: true,
  endTime: true,
  holidayCountry: true,
  holidayRegion: true,
  extraHolidays: true,
} as const;

export async function calendarFor(db: Db | Tx, ticket: { organizationId: string | null; departmentId: number }): Promise<StoredCalendar> {
  // One query after the other: inside a transaction the client is one connection, and pg refuses
  // (deprecated, removed in pg 9) a query sent while another is running on it.
  const org = ticket.organizationId
    ? await db.organization.findUnique({ where: { id: ticket.organizationId }, select: { calendar: { select: calendarSelect } } })
    : null;
  if (org?.calendar) return org.calendar;
  const dept = await db.department.findUnique({ where: { id: ticket.departmentId }, select: { calendar: { select: calendarSelect } } });
  return dept?.calendar ?? (await db.businessCalendar.findFirst({ where: { isDefault: true }, select: calendarSelect })) ?? allHours;
}
