// The REST API's access tokens: JWTs (HS256, jose) valid 15 minutes, signed with a key derived from
// NEXTAUTH_SECRET for this use alone, so a session cookie's key never signs an API token.
import { hkdfSync, randomUUID } from "node:crypto";
import { SignJWT, errors, jwtVerify } from "jose";
import { getConfig } from "../config/env";

export const ACCESS_TTL_SECONDS = 15 * 60;
const ISSUER = "mesa";
const AUDIENCE = "mesa-api";

function key(): Uint8Array {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return new Uint8Array(hkdfSync("sha256", secret, "mesa", "mesa-api-access", 32));
}

export async function signAccessToken(userId: string, now: Date): Promise<string> {
  const iat = Math.floor(+now / 1000);
  return new SignJWT({ typ: "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TTL_SECONDS)
    .sign(key());
}

export type AccessCheck = { ok: true; userId: string; jti: string } | { ok: false; reason: "expired" | "invalid" };

export async function verifyAccessToken(token: string, now: Date): Promise<AccessCheck> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"], currentDate: now });
    if (payload.typ !== "access" || !payload.sub || !payload.jti) return { ok: false, reason: "invalid" };
    return { ok: true, userId: payload.sub, jti: payload.jti };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
