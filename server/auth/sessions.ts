// Web sessions: a row per signed-in browser. The JWT cookie only names the row, so a deleted session
// (sign-out, password change) stops working at once, on HTTP and sockets alike.
import type { Db } from "../db";
import { loadPrincipalOfSession, type Principal } from "../access/principal";

export const SESSION_DAYS = 30;

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) },
  });
  return session.id;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** The principal of a live session; null when the session is unknown, expired or its account unusable. */
export async function loadSessionPrincipal(db: Db, sessionId: string, now: Date): Promise<Principal | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) return null;
  return loadPrincipalOfSession(db, sessionId, now);
}
