// The session cookie next-auth sets is what HTTP requests and sockets are authenticated with.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { parseCookies, sessionIdFromCookies } from "../../server/auth/session-cookie";

const secret = "unit-test-secret-unit-test-secret-0123";
const sid = "4b3c1a52-5d0e-4f3e-9a55-3c2b1f0e9d77";

describe("sessionIdFromCookies", () => {
  it("reads the session id from next-auth's cookie, secure name or not", async () => {
    const token = await encode({ token: { sub: "u1", sid }, secret });
    expect(await sessionIdFromCookies(`theme=dark; next-auth.session-token=${token}`, secret)).toBe(sid);
    expect(await sessionIdFromCookies(`__Secure-next-auth.session-token=${token}`, secret)).toBe(sid);
  });

  it("joins a token next-auth split into chunks", async () => {
    const token = await encode({ token: { sub: "u1", sid }, secret });
    const half = Math.floor(token.length / 2);
    const header = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;
    expect(await sessionIdFromCookies(header, secret)).toBe(sid);
  });

  it("refuses a cookie made with another secret, a tampered one, or none", async () => {
    const forged = await encode({ token: { sub: "u1", sid }, secret: "another-secret-another-secret-012345" });
    expect(await sessionIdFromCookies(`next-auth.session-token=${forged}`, secret)).toBeNull();
    const token = await encode({ token: { sub: "u1", sid }, secret });
    expect(await sessionIdFromCookies(`next-auth.session-token=${token.slice(0, -4)}abcd`, secret)).toBeNull();
    expect(await sessionIdFromCookies("", secret)).toBeNull();
    expect(await sessionIdFromCookies(undefined, secret)).toBeNull();
  });

  it("ignores a token without a session id", async () => {
    const token = await encode({ token: { sub: "u1" }, secret });
    expect(await sessionIdFromCookies(`next-auth.session-token=${token}`, secret)).toBeNull();
  });
});

describe("parseCookies", () => {
  it("decodes values and skips malformed parts", () => {
    const jar = parseCookies("a=1; b=hello%20world; broken; c=%E0%A4%A");
    expect(Object.fromEntries(jar)).toEqual({ a: "1", b: "hello world" });
  });
});
