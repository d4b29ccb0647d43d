// The "address" that per-address limits count: one key per network a person controls as a whole.
// - IPv6: the /64. A single customer line or host gets at least a /64 and can use any of its 2^64
//   addresses, so counting exact IPv6 addresses counts nothing.
// - IPv4: the exact address (a /24 is often shared by unrelated customers, and CGNAT already puts
//   many people behind one address).
// - Loopback (127.0.0.0/8 and ::1): one key. They are all the same machine.
// IPv4-mapped IPv6 (::ffff:192.0.2.1, as Node reports IPv4 peers on a dual-stack socket) counts as
// the IPv4 address. Anything unparsable is used as given (lowercased, bounded).

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): number[] | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** The eight 16-bit groups of an IPv6 address, or null. Accepts "::" and a trailing IPv4 part. */
function ipv6(text: string): number[] | null {
  if (!text.includes(":")) return null;
  const lastColon = text.lastIndexOf(":");
  const v4 = ipv4(text.slice(lastColon + 1));
  // "::ffff:192.0.2.1" → "::ffff:c000:201"
  const body = v4
    ? `${text.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`
    : text;
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const all = [...head, ...Array<string>(8 - known).fill("0"), ...rest];
  const numbers = all.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

export function addressKey(ip: string): string {
  const text = ip
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "")
    .toLowerCase();
  const v4 = ipv4(text);
  if (v4) return v4[0] === 127 ? "loopback" : v4.join(".");
  const v6 = ipv6(text);
  if (!v6) return text.slice(0, 64) || "unknown";
  const isMappedV4 = v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff;
  if (isMappedV4) return addressKey(`${v6[6]! >> 8}.${v6[6]! & 255}.${v6[7]! >> 8}.${v6[7]! & 255}`);
  if (v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1) return "loopback";
  return `${v6
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
