import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../../server/sla/business-calendar";
import { readClock } from "../../server/sla/sla-clock";

const H = 3_600_000;
const cal: BusinessCalendar = { timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", holidays: new Set() };
const at = (iso: string) => new Date(iso);
// Monday 16 November 2026.
const created = { status: "new" as const, from: at("2026-11-16T09:00:00Z") };

describe("SLA clock", () => {
  it("runs in business time and warns at 80 %", () => {
    expect(readClock(cal, [created], 8 * H, at("2026-11-16T14:00:00Z")).state).toBe("running");
    const near = readClock(cal, [created], 8 * H, at("2026-11-16T16:00:00Z"));
    expect(near).toMatchObject({ elapsedMs: 7 * H, state: "near_breach" });
    expect(near.dueAt?.toISOString()).toBe("2026-11-16T17:00:00.000Z");
  });

  it("pauses while waiting for the customer and explains each segment", () => {
    const history = [created, { status: "pending_customer" as const, from: at("2026-11-16T11:00:00Z") }, { status: "open" as const, from: at("2026-11-17T11:00:00Z") }];
    const reading = readClock(cal, history, 8 * H, at("2026-11-17T12:00:00Z"));
    expect(reading.elapsedMs).toBe(3 * H); // 2 h before the pause, 1 h after
    expect(reading.segments.map((s) => [s.status, s.counted, s.businessMs / H])).toEqual([["new", true, 2], ["pending_customer", false, 0], ["open", true, 1]]);
    expect(readClock(cal, history.slice(0, 2), 8 * H, at("2026-11-17T12:00:00Z"))).toMatchObject({ state: "paused", dueAt: null });
  });

  it("breaches once the target passes, and a met target stays met", () => {
    expect(readClock(cal, [created], 4 * H, at("2026-11-17T10:00:00Z")).state).toBe("breached");
    expect(readClock(cal, [created], 4 * H, at("2026-11-17T10:00:00Z"), at("2026-11-16T12:00:00Z"))).toMatchObject({ state: "met", elapsedMs: 3 * H });
  });

  it("does not count the weekend", () => {
    const friday = { status: "open" as const, from: at("2026-11-20T16:00:00Z") };
    expect(readClock(cal, [friday], 8 * H, at("2026-11-23T10:00:00Z")).elapsedMs).toBe(2 * H);
  });
});
