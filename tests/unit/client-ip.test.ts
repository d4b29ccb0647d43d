// The client address behind proxies: only what trusted proxies appended counts, so a client writing
// its own X-Forwarded-For cannot pick the address the sign-in limits see.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "../../server/boot/client-ip";

const request = (peer: string, forwarded?: string | string[]) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  }) as unknown as IncomingMessage;

describe("client address", () => {
  it("is the socket's peer without a trusted proxy, whatever the header says", () => {
    expect(clientIp(request("203.0.113.9", "1.2.3.4"), 0)).toBe("203.0.113.9");
  });

  it("behind one balancer is the entry it appended, not the one the client sent", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the balancer appended the address it saw.
    expect(clientIp(request("10.0.0.2", "1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2", "198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2", ["1.2.3.4", "198.51.100.7"]), 1)).toBe("198.51.100.7");
  });

  it("behind a CDN and a balancer is the second entry from the right", () => {
    expect(clientIp(request("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.1"), 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when a trusted proxy sent no header", () => {
    expect(clientIp(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect([trustedProxyHops("false"), trustedProxyHops("true"), trustedProxyHops("2")]).toEqual([0, 1, 2]);
  });
});
