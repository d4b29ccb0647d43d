// The first start tells how far its build is: the step `next build` is on, and while a step is
// silent a line every 10 s with the time spent.
import { describe, expect, it } from "vitest";
import { buildNarrator, elapsed, stepOpenedBy } from "../../scripts/build-progress.mjs";

describe("first start's build progress", () => {
  it("recognises the steps of next build from its output", () => {
    expect(stepOpenedBy("  Creating an optimized production build ...")).toBe(0);
    expect(stepOpenedBy("  Running TypeScript ...")).toBe(1);
    expect(stepOpenedBy("  Generating static pages using 1 worker (27/111) ")).toBe(3);
    expect(stepOpenedBy("├ ƒ /[locale]/admin")).toBe(-1);
  });

  it("names each step once, and speaks up while a step is silent", () => {
    let clock = 0;
    const narrator = buildNarrator(() => clock);
    expect(narrator.line("▲ Next.js 16.4.6 (Turbopack)")).toBeUndefined();
    clock = 1_000;
    expect(narrator.line("  Creating an optimized production build ...")).toBe("[build 1/5] compiling the app (1 s since the build began)");
    clock = 5_000;
    expect(narrator.tick()).toBeUndefined();
    clock = 71_000;
    expect(narrator.tick()).toBe("[build 1/5] compiling the app: still at it, 1 min 10 s on this step, 1 min 11 s in all");
    clock = 75_000;
    expect(narrator.tick()).toBeUndefined();
    clock = 90_000;
    expect(narrator.line("  Running TypeScript ...")).toBe("[build 2/5] checking types (1 min 30 s since the build began)");
    expect(narrator.line("  Generating static pages using 1 worker (0/111) ...")).toMatch(/^\[build 4\/5\] generating pages/);
    expect(narrator.line("  Generating static pages using 1 worker (55/111) ")).toBeUndefined();
    clock = 130_000;
    expect(narrator.done()).toBe("[build] done in 2 min 10 s");
  });

  it("writes durations as a person reads them", () => {
    expect(elapsed(42_400)).toBe("42 s");
    expect(elapsed(125_000)).toBe("2 min 05 s");
  });
});
