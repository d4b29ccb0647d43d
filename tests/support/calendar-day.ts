// Today's calendar day as a person in `timeZone` reads it ("2026-12-04"). Exports and reports take
// their date ranges in the reader's zone, so a test that asks for "today" must ask in that zone: the
// UTC day is yesterday for Madrid between 23:00 and midnight UTC.
export const DEFAULT_PROFILE_ZONE = "Europe/Madrid";

export function todayIn(timeZone: string = DEFAULT_PROFILE_ZONE, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
