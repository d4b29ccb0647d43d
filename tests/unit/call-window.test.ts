// A call request proposes the next working-hours slot on the person's own clock, not 03:00–05:00.
import { describe, expect, it } from "vitest";
import { defaultCallWindow } from "../../app/_components/ticket-view/call-window";

const at = (iso: string, zone = "Europe/Madrid") => defaultCallWindow(new Date(iso), zone);

describe("the proposed call window", () => {
  it("moves a night-time request to 09:00–11:00 the same morning", () => {
    // 02:10 UTC on Thursday 3 December is 03:10 in Madrid.
    expect(at("2026-12-03T02:10:00Z")).toEqual({ from: "2026-12-03T09:00", to: "2026-12-03T11:00" });
  });

  it("takes the next full hour during the day, for two hours, never past 18:00", () => {
    expect(at("2026-12-03T09:20:00Z")).toEqual({ from: "2026-12-03T11:00", to: "2026-12-03T13:00" }); // 10:20 Madrid
    expect(at("2026-12-03T15:30:00Z")).toEqual({ from: "2026-12-03T17:00", to: "2026-12-03T18:00" }); // 16:30 Madrid
  });

  it("goes to the next working day after hours and over the weekend", () => {
    expect(at("2026-12-03T17:30:00Z")).toEqual({ from: "2026-12-04T09:00", to: "2026-12-04T11:00" }); // Thu 18:30
    expect(at("2026-12-04T17:30:00Z")).toEqual({ from: "2026-12-07T09:00", to: "2026-12-07T11:00" }); // Fri 18:30 → Mon
    expect(at("2026-12-05T10:00:00Z")).toEqual({ from: "2026-12-07T09:00", to: "2026-12-07T11:00" }); // Saturday
  });

  it("reads the hours in the person's own zone", () => {
    // 02:10 UTC is still Wednesday 21:10 in New York: Thursday 09:00 there.
    expect(at("2026-12-03T02:10:00Z", "America/New_York")).toEqual({ from: "2026-12-03T09:00", to: "2026-12-03T11:00" });
    // 02:10 UTC is 11:10 in Tokyo.
    expect(at("2026-12-03T02:10:00Z", "Asia/Tokyo")).toEqual({ from: "2026-12-03T12:00", to: "2026-12-03T14:00" });
  });
});
