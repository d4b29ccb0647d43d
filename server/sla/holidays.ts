// Public holidays from the maintained `date-holidays` data, as the local dates a calendar skips.
import Holidays from "date-holidays";

export function publicHolidays(country: string, region: string | undefined, years: number[]): Set<string> {
  const source = region ? new Holidays(country, region) : new Holidays(country);
  const dates = new Set<string>();
  for (const year of years) {
    for (const h of source.getHolidays(year) || []) if (h.type === "public") dates.add(h.date.slice(0, 10));
  }
  return dates;
}
