// Dates in an export as the reader reads them: on the wall clock of their profile's time zone and
// in their language's order ("03/12/2026 10:23" in Spanish, "12/03/2026 10:23" in English), never as
// a UTC ISO string. CSV gets that text; Excel gets a real date cell holding the same wall-clock time
// (Excel dates have no zone) with a matching number format, so it still sorts and filters as a date.
import type { AppLocale } from "../../i18n/locales";
import { dateFormat } from "../../i18n/date-format";
import { zoneOffsetMs } from "../../i18n/time-zone";

/** "03/12/2026 10:23": day, month and year in the locale's order, 24-hour time, in `timeZone`. */
export function dateText(at: Date, locale: AppLocale, timeZone: string): string {
  const parts = dateFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const date = parts
    .slice(0, parts.findIndex((p) => p.type === "year") + 1)
    .map((p) => p.value)
    .join("");
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${date} ${get("hour")}:${get("minute")}`;
}

/** The instant as Excel should show it: its wall-clock time in `timeZone`, stored as if UTC. */
export const excelWallDate = (at: Date, timeZone: string) => new Date(at.getTime() + zoneOffsetMs(at, timeZone));

/** Excel's number format for the same order as dateText ("dd/mm/yyyy hh:mm"). */
export function excelDateFormat(locale: AppLocale): string {
  const order = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(Date.UTC(2026, 11, 3)))
    .map((p) => (p.type === "day" ? "dd" : p.type === "month" ? "mm" : p.type === "year" ? "yyyy" : p.value))
    .join("");
  return `${order} hh:mm`;
}
