// The address a request came from: the socket's peer, or behind trusted proxies the address the
// outermost of them saw. Each proxy appends the address it received from to X-Forwarded-For, so
// only the right-most `trustedHops` entries are vouched for; anything left of them is whatever the
// client chose to send (trusting the first entry would let anyone pick their own address).
import type { IncomingMessage } from "node:http";

/** TRUST_PROXY: "false" (no proxy), "true" (one load balancer) or the number of proxies in front. */
export const trustedProxyHops = (setting: string): number => (setting === "true" ? 1 : setting === "false" ? 0 : Number(setting));

export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress || "unknown";
  if (trustedHops <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped some of them; the left-most is all there is.
  return hops[hops.length - trustedHops] ?? hops[0] ?? peer;
}
