import { describe, expect, it } from "vitest";
import { addBusinessDays, addBusinessMs, businessMsBetween, type BusinessCalendar } from "../../server/sla/business-calendar";
import { publicHolidays } from "../../server/sla/holidays";

const H = 3_600_000;
const madrid: BusinessCalendar = {
  timeZone: "Europe/Madrid",
  workingDays: [1, 2, 3, 4, 5],
  start: "09:00",
  end: "18:00",
  holidays: publicHolidays("ES", "MD", [2026]),
};
const mexico: BusinessCalendar = { ...madrid, timeZone: "America/Mexico_City", holidays: new Set() };
const at = (iso: string) => new Date(iso);

describe("business calendar", () => {
  it("counts only working hours of working days", () => {
    // Friday 16:00 → Monday 11:00 Madrid (CET, UTC+1): 2 h Friday + 2 h Monday.
    expect(businessMsBetween(madrid, at("2026-11-20T15:00:00Z"), at("2026-11-23T10:00:00Z"))).toBe(4 * H);
  });

  it("skips the calendar's public holidays (1 May, Día del Trabajador)", () => {
    // Thursday 30 April 17:00 → Monday 4 May 10:00: 1 h + (Friday holiday) + 1 h.
    expect(businessMsBetween(madrid, at("2026-04-30T15:00:00Z"), at("2026-05-04T08:00:00Z"))).toBe(2 * H);
  });

  it("adds business time across a weekend", () => {
    // 8 business hours from Friday 14:00 Madrid: 4 h Friday, 4 h Monday → Monday 13:00.
    expect(addBusinessMs(madrid, at("2026-11-20T13:00:00Z"), 8 * H).toISOString()).toBe("2026-11-23T12:00:00.000Z");
  });

  it("keeps the wall clock across the spring DST change", () => {
    // Friday 27 March 17:00 CET (16:00Z) + 2 business hours → Monday 30 March 10:00 CEST (08:00Z).
    expect(addBusinessMs(madrid, at("2026-03-27T16:00:00Z"), 2 * H).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // The whole Monday after the change is still 9 hours.
    expect(businessMsBetween(madrid, at("2026-03-30T00:00:00Z"), at("2026-03-31T00:00:00Z"))).toBe(9 * H);
  });

  it("reads the same instant differently in another time zone", () => {
    // 15:00Z is 16:00 in Madrid (2 h left that day) but 09:00 in Mexico City (9 h left).
    expect(businessMsBetween(madrid, at("2026-11-18T15:00:00Z"), at("2026-11-19T05:00:00Z"))).toBe(2 * H);
    expect(businessMsBetween(mexico, at("2026-11-18T15:00:00Z"), at("2026-11-19T05:00:00Z"))).toBe(9 * H);
  });

  it("counts N business days at the same wall time, over weekends and holidays", () => {
    // Tuesday 28 April 10:00 + 5 business days: Wed 29, Thu 30, (Fri 1 May holiday), Mon 4, Tue 5, Wed 6.
    expect(addBusinessDays(madrid, at("2026-04-28T08:00:00Z"), 5).toISOString()).toBe("2026-05-06T08:00:00.000Z");
    // One day fewer is the Tuesday.
    expect(addBusinessDays(madrid, at("2026-04-28T08:00:00Z"), 4).toISOString()).toBe("2026-05-05T08:00:00.000Z");
  });

  it("refuses a calendar with no working days instead of looping forever", () => {
    expect(() => addBusinessMs({ ...madrid, workingDays: [] }, at("2026-01-05T08:00:00Z"), H)).toThrow(/no working time/);
  });
});
