import { describe, expect, it } from "vitest";
import { accountPolicy, afterFailure, ipPolicy, isLocked, type ThrottleState } from "../../server/auth/throttle-policy";

const t0 = new Date("2030-03-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function failTimes(count: number, policy = accountPolicy, start: ThrottleState | null = null, minute = 0) {
  let state = start;
  for (let i = 0; i < count; i++) state = afterFailure(state, at(minute), policy);
  return state!;
}

describe("sign-in throttle policy", () => {
  it("lets an account fail four times and locks it for 15 minutes at the fifth", () => {
    const four = failTimes(4);
    expect(four.failures).toBe(4);
    expect(isLocked(four, at(0))).toBe(false);

    const five = afterFailure(four, at(1), accountPolicy);
    expect(five.lockedUntil).toEqual(at(16));
    expect(isLocked(five, at(1))).toBe(true);
    expect(isLocked(five, at(15.9))).toBe(true);
    expect(isLocked(five, at(16))).toBe(false);
  });

  it("forgets failures older than the 15-minute window", () => {
    const four = failTimes(4);
    const later = afterFailure(four, at(15), accountPolicy);
    expect(later).toEqual({ failures: 1, windowStart: at(15), lockedUntil: null });
    expect(isLocked(later, at(15))).toBe(false);
  });

  it("counts failures within the window from its first failure", () => {
    const state = afterFailure(failTimes(1), at(14), accountPolicy);
    expect(state.failures).toBe(2);
    expect(state.windowStart).toEqual(t0);
  });

  it("gives an address 20 failures across accounts before locking it", () => {
    const nineteen = failTimes(19, ipPolicy);
    expect(isLocked(nineteen, at(0))).toBe(false);
    const twenty = afterFailure(nineteen, at(0), ipPolicy);
    expect(isLocked(twenty, at(0))).toBe(true);
    expect(isLocked(twenty, at(15))).toBe(false);
  });

  it("never locks a key without failures", () => {
    expect(isLocked(null, t0)).toBe(false);
  });
});
