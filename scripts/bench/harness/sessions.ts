// Signed-in clients for the bench: a session row per person (as signing in makes) and the
// next-auth cookie that carries it, encoded with the server's secret.
import { encode } from "next-auth/jwt";
import type pg from "pg";

export async function sessionCookie(client: pg.ClientBase, secret: string, email: string): Promise<{ cookie: string; userId: string }> {
  const user = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!user.rows[0]) throw new Error(`no user ${email} in the bench database`);
  const userId = user.rows[0].id;
  const session = await client.query<{ id: string }>(
    `INSERT INTO "Session" (id, "userId", "expiresAt") VALUES (gen_random_uuid(), $1, now() + interval '1 day') RETURNING id`,
    [userId],
  );
  const token = await encode({ token: { sub: userId, sid: session.rows[0]!.id }, secret });
  return { cookie: `next-auth.session-token=${token}`, userId };
}
