// Time zones as a person picks them: grouped by region, each named by its city with its current UTC
// offset ("Madrid (UTC+1)", "Buenos Aires, Argentina (UTC-3)"), and found by city, region, id or
// offset. Pure: the component and the tests share it. The server builds the groups (`zoneChoices`)
// and the browser only filters them: Chromium's time-zone database is not Node's (British Columbia
// and Casablanca differ today), and labels computed on both sides would not hydrate.
import { zoneOffsetMs } from "../../../server/i18n/time-zone";

export const zoneRegions = [
  "Africa",
  "America",
  "Antarctica",
  "Arctic",
  "Asia",
  "Atlantic",
  "Australia",
  "Europe",
  "Indian",
  "Pacific",
  "Other",
] as const;
export type ZoneRegion = (typeof zoneRegions)[number];

export interface ZoneOption {
  id: string;
  region: ZoneRegion;
  /** "Buenos Aires, Argentina" */
  city: string;
  /** "UTC+1", "UTC-3", "UTC+5:30", "UTC" */
  offset: string;
  label: string;
}

/** "UTC+5:30" from an offset in milliseconds. */
export function offsetLabel(ms: number): string {
  if (ms === 0) return "UTC";
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `UTC${ms < 0 ? "-" : "+"}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

export function zoneOption(id: string, at: Date): ZoneOption {
  const [first, ...rest] = id.split("/");
  const region = (zoneRegions as readonly string[]).includes(first!) && rest.length ? (first as ZoneRegion) : "Other";
  const names = (region === "Other" ? [id] : rest).map((p) => p.replace(/_/g, " "));
  const city = [names[names.length - 1], ...names.slice(0, -1).reverse()].join(", ");
  const offset = offsetLabel(zoneOffsetMs(at, id));
  return { id, region, city, offset, label: `${city} (${offset})` };
}

export type ZoneGroup = { region: ZoneRegion; zones: ZoneOption[] };

/** The zones by region (in `zoneRegions` order), cities alphabetical in `locale`. */
export function groupZones(ids: readonly string[], at: Date, locale: string): ZoneGroup[] {
  const collator = new Intl.Collator(locale);
  const options = [...new Set(ids)].map((id) => zoneOption(id, at));
  return zoneRegions
    .map((region) => ({ region, zones: options.filter((o) => o.region === region).sort((a, b) => collator.compare(a.city, b.city)) }))
    .filter((g) => g.zones.length > 0);
}

/** What a time-zone field offers, as of `at`: "UTC", the runtime's zones and any zone in use
 * (`extra`), grouped for `locale`. Built on the server and handed to the picker. */
export function zoneChoices(extra: readonly string[], locale: string, at = new Date()): ZoneGroup[] {
  return groupZones(["UTC", ...Intl.supportedValuesOf("timeZone"), ...extra], at, locale);
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();
const OFFSET_QUERY = /^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Whether the zone answers what the person typed: a part of its city, region name or id, or an
 * offset ("UTC+1", "+5:30", "-3") that equals its own. `regionName` is the region in their language. */
export function zoneMatches(zone: ZoneOption, text: string, regionName: string): boolean {
  const query = fold(text);
  if (!query) return true;
  const offset = OFFSET_QUERY.exec(query);
  if (offset) {
    const sign = offset[1] === "+" ? 1 : -1;
    const ms = sign * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * 60_000;
    return zone.offset === offsetLabel(ms);
  }
  if (query === "utc" || query === "gmt") return zone.offset === "UTC";
  return [zone.city, zone.id, regionName].some((s) => fold(s).includes(query));
}
