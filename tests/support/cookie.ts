// The session cookie next-auth sets after sign-in: a JWE of {sub, sid} under NEXTAUTH_SECRET.
import { encode } from "next-auth/jwt";

export const sessionCookie = async (userId: string, sessionId: string, secret = process.env.NEXTAUTH_SECRET!) =>
  `next-auth.session-token=${await encode({ token: { sub: userId, sid: sessionId }, secret })}`;
