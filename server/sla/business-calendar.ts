// Business time: working days and hours in a time zone, minus public holidays. Pure: instants in,
// instants out; the wall clock of the calendar's zone decides, so DST changes are handled by the
// zone's own offsets. Used by SLA clocks and by automatic transitions counted in business days.
import { instantToWallTime, wallTimeToInstant } from "../i18n/time-zone";

export interface BusinessCalendar {
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
  /** "09:00" to "18:00", wall clock of timeZone; end after start. */
  start: string;
  end: string;
  /** Local dates (YYYY-MM-DD) that are not worked. */
  holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
/** A calendar with no working time would loop forever: stop looking after ten years. */
const MAX_DAYS = 3660;

export const localDate = (at: Date, timeZone: string) => instantToWallTime(at, timeZone).slice(0, 10);
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isBusinessDay(cal: BusinessCalendar, date: string): boolean {
  return cal.workingDays.includes(weekday(date)) && !cal.holidays.has(date);
}

/** The working window of a local date, as instants (null on days off). */
export function workingWindow(cal: BusinessCalendar, date: string): [Date, Date] | null {
  if (!isBusinessDay(cal, date)) return null;
  return [wallTimeToInstant(`${date}T${cal.start}`, cal.timeZone)!, wallTimeToInstant(`${date}T${cal.end}`, cal.timeZone)!];
}

/** Business milliseconds within [from, to). */
export function businessMsBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  const last = localDate(to, cal.timeZone);
  for (let date = localDate(from, cal.timeZone), i = 0; i <= MAX_DAYS; date = nextDate(date), i++) {
    const window = workingWindow(cal, date);
    if (window) total += Math.max(0, Math.min(+window[1], +to) - Math.max(+window[0], +from));
    if (date === last) return total;
  }
  throw new Error("business calendar: range too long");
}

/** The instant at which `ms` of business time has passed since `from`. */
export function addBusinessMs(cal: BusinessCalendar, from: Date, ms: number): Date {
  let remaining = ms;
  for (let date = localDate(from, cal.timeZone), i = 0; i <= MAX_DAYS; date = nextDate(date), i++) {
    const window = workingWindow(cal, date);
    if (!window) continue;
    const start = Math.max(+window[0], +from);
    const available = +window[1] - start;
    if (available <= 0) continue;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
  }
  throw new Error("business calendar: no working time found");
}

/** `days` business days after `from`: the same wall-clock time on the days-th following business
 * day (seed 001's "5 días hábiles"). */
export function addBusinessDays(cal: BusinessCalendar, from: Date, days: number): Date {
  const wall = instantToWallTime(from, cal.timeZone);
  let date = wall.slice(0, 10);
  for (let counted = 0, i = 0; counted < days; i++) {
    if (i > MAX_DAYS) throw new Error("business calendar: no working days found");
    date = nextDate(date);
    if (isBusinessDay(cal, date)) counted++;
  }
  return wallTimeToInstant(`${date}T${wall.slice(11, 16)}`, cal.timeZone)!;
}
