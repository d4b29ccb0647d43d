// Weekday names in the reader's language, Monday first (0 = Sunday … 6 = Saturday, as stored).
export const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;

export function weekdayName(locale: string, day: number, width: "long" | "short"): string {
  // 1 January 2023 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}
