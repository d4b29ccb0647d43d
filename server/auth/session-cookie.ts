// Reads next-auth's session cookie (a JWE signed with NEXTAUTH_SECRET) and returns the session id
// it carries. Used by HTTP requests and by the Socket.IO handshake alike.
import { decode } from "next-auth/jwt";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      jar.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is ignored, not fatal
    }
  }
  return jar;
}

/** next-auth splits large tokens into name.0, name.1, … chunks. */
function sessionToken(jar: Map<string, string>): string | undefined {
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

export async function sessionIdFromCookies(cookieHeader: string | null | undefined, secret: string): Promise<string | null> {
  const token = sessionToken(parseCookies(cookieHeader));
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}
