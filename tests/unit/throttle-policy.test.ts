// The pure rules behind sign-in throttling and the mail limits (server/auth/throttle-policy.ts), the
// address each limit counts (server/auth/address.ts) and the password rules (server/users/).
import { describe, expect, it } from "vitest";
import { addressKey } from "../../server/auth/address";
import { admit, giveBack, mailRules, signInRules, type CounterState, type Rule } from "../../server/auth/throttle-policy";
import { passwordField } from "../../server/users/fields";
import { isCommonPassword, passwordProblem } from "../../server/users/password-policy";
import { containsPersonalInfo } from "../../server/users/password-rules";

const t0 = new Date("2030-03-01T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** Attempts at the given times; returns which were admitted and the last state. */
function run(rule: Rule, times: number[], start: CounterState | null = null) {
  let state = start;
  const admitted: boolean[] = [];
  for (const s of times) {
    const result = admit(state, rule, at(s));
    admitted.push(result.admitted);
    if (result.admitted) state = result.next;
  }
  return { admitted, state: state! };
}

describe("window rule", () => {
  it("admits `limit` attempts per window and refuses the rest until it ends", () => {
    const rule = signInRules.address; // 20 per 15 minutes
    const { admitted, state } = run(rule, Array(25).fill(0));
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(admitted.slice(20)).toEqual([false, false, false, false, false]);
    expect(admit(state, rule, at(15 * 60 - 1))).toMatchObject({ admitted: false, retryAt: at(15 * 60) });
    expect(admit(state, rule, at(15 * 60))).toMatchObject({ admitted: true, next: { count: 1, windowStart: at(15 * 60) } });
  });

  it("a given-back attempt can be used again", () => {
    const rule = mailRules.recipient; // 3 per hour
    const { state } = run(rule, [0, 0, 0]);
    expect(admit(state, rule, at(1)).admitted).toBe(false);
    const back = giveBack(state, rule);
    expect(back.count).toBe(2);
    expect(admit(back, rule, at(1)).admitted).toBe(true);
  });

  it("a forced attempt is counted even over the limit", () => {
    const rule = mailRules.recipient;
    const { state } = run(rule, [0, 0, 0]);
    const forced = admit(state, rule, at(1), true);
    expect(forced).toMatchObject({ admitted: true, next: { count: 4 } });
  });
});

describe("backoff rule", () => {
  const rule = signInRules.source; // 5 free, then 30 s, 60 s, … capped at 15 min, forgotten after 24 h

  it("admits the free attempts at once, then each next one only after a doubling delay", () => {
    const { admitted, state } = run(rule, [0, 0, 0, 0, 0, 0, 29]);
    expect(admitted).toEqual([true, true, true, true, true, false, false]);
    expect(state.nextAt).toEqual(at(30));
    const sixth = admit(state, rule, at(30));
    expect(sixth).toMatchObject({ admitted: true, next: { count: 6, nextAt: at(90) } });
  });

  it("refused attempts do not make the wait longer, and the delay is capped", () => {
    let state = run(rule, [0, 0, 0, 0, 0]).state;
    const gaps: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ready = state.nextAt;
      expect(admit(state, rule, new Date(ready.getTime() - 1)).admitted).toBe(false);
      const result = admit(state, rule, ready);
      if (!result.admitted) throw new Error("expected admission");
      gaps.push((result.next.nextAt.getTime() - ready.getTime()) / 1000);
      state = result.next;
    }
    expect(gaps).toEqual([60, 120, 240, 480, 900, 900, 900, 900, 900, 900]);
  });

  it("forgets everything a day after the first attempt, once the delay is over", () => {
    const { state } = run(rule, [0, 0, 0, 0, 0]);
    expect(admit(state, rule, at(86_400))).toMatchObject({ admitted: true, next: { count: 1, windowStart: at(86_400) } });
  });

  it("the account-wide rule starts later and waits less: a bounded delay for the owner", () => {
    const account = signInRules.account;
    const { admitted, state } = run(account, Array(11).fill(0));
    expect(admitted.filter(Boolean)).toHaveLength(10);
    expect(state.nextAt).toEqual(at(15));
    expect(account.capMs).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe("addressKey", () => {
  it("counts IPv6 by its /64, IPv4 exactly, and every loopback address as one machine", () => {
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("203.0.113.8")).toBe("203.0.113.8");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    for (const loop of ["127.0.0.1", "127.0.0.2", "127.255.1.9", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      expect(addressKey(loop)).toBe("loopback");
    }
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});

describe("password policy", () => {
  const person = { email: "lucia.perez@example.com", name: "Lucía Pérez" };

  it("wants 10 characters at least and at most 200", () => {
    expect(passwordProblem("abcdefghi", person)).toBe("tooShort");
    expect(passwordProblem("x".repeat(201), person)).toBe("tooLong");
    expect(passwordProblem("orange kettle drum", person)).toBeNull();
  });

  it("refuses common passwords, whatever their case, and repetitive ones", () => {
    for (const pw of ["1234567890", "password123", "Qwertyuiop", "iloveyou123", "aaaaaaaaaaaa", "abababababab"]) {
      expect(isCommonPassword(pw), pw).toBe(true);
      expect(passwordProblem(pw, person), pw).toBe("common");
    }
    expect(isCommonPassword("correct horse battery")).toBe(false);
  });

  it("refuses the email, its local part and the name, also inside a longer password", () => {
    expect(containsPersonalInfo("lucia.perez@example.com", person)).toBe(true);
    expect(containsPersonalInfo("LUCIA.PEREZ", person)).toBe(true);
    expect(containsPersonalInfo("my-lucia.perez-2030", person)).toBe(true);
    expect(containsPersonalInfo("lucía pérez", person)).toBe(true);
    expect(containsPersonalInfo("LucíaPérez", person)).toBe(true);
    expect(containsPersonalInfo("ana@x.io-secret", { email: "ana@x.io" })).toBe(true);
    // A short local part is refused only as the whole password, not inside one.
    expect(containsPersonalInfo("banana split sundae", { email: "ana@x.io" })).toBe(false);
    expect(containsPersonalInfo("orange kettle drum", person)).toBe(false);
    expect(passwordProblem("lucia.perez-2030", person)).toBe("containsPersonalInfo");
  });

  it("the shared zod field says why, with a key per reason", () => {
    const issue = (pw: string) => passwordField.safeParse(pw).error?.issues[0]?.message;
    expect(issue("short")).toBe("Validation.passwordTooShort");
    expect(issue("password123")).toBe("Validation.passwordCommon");
    expect(issue("orange kettle drum")).toBeUndefined();
  });
});
