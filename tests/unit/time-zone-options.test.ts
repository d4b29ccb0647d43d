// The time-zone picker's list: zones by region, named by city with the current offset, and found by
// city, region or offset rather than scrolled through 400 raw ids.
import { describe, expect, it } from "vitest";
import { groupZones, offsetLabel, zoneChoices, zoneMatches, zoneOption } from "../../app/_components/time-zones/zone-options";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("time-zone options", () => {
  it("names a zone by its city and its offset at that moment", () => {
    expect(zoneOption("Europe/Madrid", winter).label).toBe("Madrid (UTC+1)");
    expect(zoneOption("Europe/Madrid", summer).label).toBe("Madrid (UTC+2)");
    expect(zoneOption("America/Argentina/Buenos_Aires", winter).label).toBe("Buenos Aires, Argentina (UTC-3)");
    expect(zoneOption("Asia/Kolkata", winter).label).toBe("Kolkata (UTC+5:30)");
    expect(zoneOption("UTC", winter)).toMatchObject({ region: "Other", label: "UTC (UTC)" });
    expect(offsetLabel(-9.5 * 3_600_000)).toBe("UTC-9:30");
  });

  it("groups the runtime's zones by region, cities in alphabetical order", () => {
    const groups = groupZones(Intl.supportedValuesOf("timeZone"), winter, "es");
    expect(groups.map((g) => g.region)).toEqual([
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
    ]);
    const europe = groups.find((g) => g.region === "Europe")!.zones.map((z) => z.city);
    expect(europe).toEqual([...europe].sort((a, b) => a.localeCompare(b, "es")));
    expect(europe).toContain("Madrid");
    expect(groups.reduce((n, g) => n + g.zones.length, 0)).toBe(new Set(Intl.supportedValuesOf("timeZone")).size);
  });

  it("offers UTC, every runtime zone and the zones in use, each once", () => {
    const ids = zoneChoices(["Europe/Madrid", "Etc/GMT+3"], "fr", winter).flatMap((g) => g.zones.map((z) => z.id));
    expect(ids.filter((id) => id === "Europe/Madrid")).toHaveLength(1);
    expect(ids).toContain("UTC");
    expect(ids).toContain("Etc/GMT+3");
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("finds zones by city (accents and case aside), region name in the reader's language, or exact offset", () => {
    const madrid = zoneOption("Europe/Madrid", winter);
    const saoPaulo = zoneOption("America/Sao_Paulo", winter);
    const tokyo = zoneOption("Asia/Tokyo", winter);
    expect(zoneMatches(madrid, "madr", "Europa")).toBe(true);
    expect(zoneMatches(saoPaulo, "são paulo", "América")).toBe(true);
    expect(zoneMatches(madrid, "europa", "Europa")).toBe(true);
    expect(zoneMatches(tokyo, "europa", "Asia")).toBe(false);
    expect(zoneMatches(madrid, "UTC+1", "Europa")).toBe(true);
    expect(zoneMatches(madrid, "+01:00", "Europa")).toBe(true);
    expect(zoneMatches(madrid, "UTC+10", "Europa")).toBe(false);
    expect(zoneMatches(saoPaulo, "-3", "América")).toBe(true);
    expect(zoneMatches(tokyo, "", "Asia")).toBe(true);
  });
});
