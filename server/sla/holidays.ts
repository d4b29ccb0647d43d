// Public holidays from the maintained `date-holidays` data, as the local dates a calendar skips.
// Computed per (country, region, year) once per process: the rules do not change while it runs.
import Holidays from "date-holidays";

const cache = new Map<string, string[]>();

function holidaysOf(country: string, region: string | undefined, year: number): string[] {
  const key = `${country}/${region ?? ""}/${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const source = region ? new Holidays(country, region) : new Holidays(country);
    dates = (source.getHolidays(year) || []).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10));
    cache.set(key, dates);
  }
  return dates;
}

export function publicHolidays(country: string, region: string | undefined, years: number[]): Set<string> {
  return new Set(years.flatMap((year) => holidaysOf(country, region, year)));
}

/** Countries date-holidays knows, for the calendar form: [code, name]. */
export function holidayCountries(): [string, string][] {
  return Object.entries(new Holidays().getCountries("en") ?? {});
}

/** Regions (states, autonomous communities) of a country: [code, name]. */
export function holidayRegions(country: string): [string, string][] {
  return Object.entries(new Holidays().getStates(country, "en") ?? {});
}
