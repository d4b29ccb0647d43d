import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../../server/sla/business-calendar";
import { readClock, resolutionPausedStatuses } from "../../server/sla/sla-clock";

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
    const history = [
      created,
      { status: "pending_customer" as const, from: at("2026-11-16T11:00:00Z") },
      { status: "open" as const, from: at("2026-11-17T11:00:00Z") },
    ];
    const reading = readClock(cal, history, 8 * H, at("2026-11-17T12:00:00Z"));
    expect(reading.elapsedMs).toBe(3 * H); // 2 h before the pause, 1 h after
    expect(reading.segments.map((s) => [s.status, s.counted, s.businessMs / H])).toEqual([
      ["new", true, 2],
      ["pending_customer", false, 0],
      ["open", true, 1],
    ]);
    expect(readClock(cal, history.slice(0, 2), 8 * H, at("2026-11-17T12:00:00Z"))).toMatchObject({ state: "paused", dueAt: null });
  });

  it("breaches once the target passes, and a met target stays met", () => {
    expect(readClock(cal, [created], 4 * H, at("2026-11-17T10:00:00Z")).state).toBe("breached");
    expect(readClock(cal, [created], 4 * H, at("2026-11-17T10:00:00Z"), at("2026-11-16T12:00:00Z"))).toMatchObject({
      state: "met",
      elapsedMs: 3 * H,
    });
  });

  it("does not count the weekend", () => {
    const friday = { status: "open" as const, from: at("2026-11-20T16:00:00Z") };
    expect(readClock(cal, [friday], 8 * H, at("2026-11-23T10:00:00Z")).elapsedMs).toBe(2 * H);
  });
});

describe("SLA clock deadlines", () => {
  it("gives the 80 % and breach instants, also once they are past, and stops when the target is reached", () => {
    const running = readClock(cal, [created], 5 * H, at("2026-11-16T10:00:00Z"));
    expect(running.nearAt?.toISOString()).toBe("2026-11-16T13:00:00.000Z");
    expect(running.dueAt?.toISOString()).toBe("2026-11-16T14:00:00.000Z");
    // Breached overnight: the deadline stays the instant it passed, in business time.
    const late = readClock(cal, [created], 10 * H, at("2026-11-17T15:00:00Z"));
    expect(late).toMatchObject({ state: "breached", stopped: false });
    expect(late.dueAt?.toISOString()).toBe("2026-11-17T11:00:00.000Z");
    const answeredLate = readClock(cal, [created], 2 * H, at("2026-11-17T15:00:00Z"), at("2026-11-16T12:00:00Z"));
    expect(answeredLate).toMatchObject({ state: "breached", stopped: true, elapsedMs: 3 * H });
  });

  it("with the resolution pause set, stands still while resolved and resumes on reopen", () => {
    const history = [
      created,
      { status: "resolved" as const, from: at("2026-11-16T10:00:00Z") },
      { status: "reopened" as const, from: at("2026-11-17T09:00:00Z") },
    ];
    const reading = readClock(cal, history, 8 * H, at("2026-11-17T10:00:00Z"), null, resolutionPausedStatuses);
    expect(reading).toMatchObject({ state: "running", elapsedMs: 2 * H });
  });

  it("reads the same history differently on calendars in different time zones", () => {
    const madrid: BusinessCalendar = { ...cal, timeZone: "Europe/Madrid" };
    const mexico: BusinessCalendar = { ...cal, timeZone: "America/Mexico_City" };
    const opened = [{ status: "open" as const, from: at("2026-11-16T08:00:00Z") }];
    const now = at("2026-11-16T18:00:00Z");
    // Madrid (UTC+1) works 08:00–16:00Z: 8 h by 18:00Z. Mexico City (UTC−6) works 15:00–23:00Z: 3 h.
    expect(readClock(madrid, opened, 10 * H, now).elapsedMs).toBe(8 * H);
    expect(readClock(mexico, opened, 10 * H, now).elapsedMs).toBe(3 * H);
  });

  it("counts across a DST change by the wall clock of the calendar", () => {
    const madrid: BusinessCalendar = { ...cal, timeZone: "Europe/Madrid" };
    // Friday 23 October 2026 15:00 CEST (13:00Z); clocks go back on Sunday 25 October.
    const friday = [{ status: "open" as const, from: at("2026-10-23T13:00:00Z") }];
    const reading = readClock(madrid, friday, 4 * H, at("2026-10-26T12:00:00Z"));
    // Friday 15:00–17:00 CEST is 2 h; Monday 09:00–11:00 CET (08:00–10:00Z) is 2 h more: due at 10:00Z.
    expect(reading.dueAt?.toISOString()).toBe("2026-10-26T10:00:00.000Z");
    expect(reading.state).toBe("breached");
  });
});
