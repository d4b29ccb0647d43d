// The REST API's tokens as a client sees them: POST /api/token/ and /api/token/refresh/ (access JWT
// for 15 minutes, a refresh token that rotates and cannot be replayed), personal access tokens
// (shown once, kept as a hash, last use recorded, revoked at once, Google-only accounts too).
import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "../../app/api/token/route";
import { POST as refresh } from "../../app/api/token/refresh/route";
import { signAccessToken } from "../../server/api-auth/access-jwt";
import { authenticateBearer } from "../../server/api-auth/bearer";
import { createPersonalToken, revokePersonalToken } from "../../server/api-auth/personal-tokens";
import type { Db } from "../../server/db";
import { PASSWORD, failure, makeUser, signedIn, type SignedIn } from "../support/factories";
import { useDatabase } from "../support/http";
import { message } from "../support/messages";
import { rest } from "../support/rest";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { formatError } from "../../server/trpc/error-format";
import { createCaller } from "../../server/trpc/router";

let database: TestDatabase;
let db: Db;
let ana: SignedIn;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  useDatabase(database);
  ana = await signedIn(db, (await makeUser(db, { label: "ana" })).id);
});
afterAll(async () => {
  useDatabase(undefined);
  await database?.close();
});

const post = (handler: (r: Request) => Promise<Response>, body: unknown, headers: Record<string, string> = {}) =>
  handler(
    new Request("http://mesa.test/api/token/", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/token/", () => {
  it("a wrong password is a 401 problem in the caller's language; malformed JSON a 400", async () => {
    const wrong = await post(signIn, { email: ana.email, password: "nope" }, { "accept-language": "fr" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
    expect((await wrong.json()).detail).toBe(message("fr", "Errors.wrongCredentials"));
    expect((await post(signIn, '{"email":')).status).toBe(400);
    expect((await post(signIn, { email: 5 })).status).toBe(400);
  });

  it("gives an access token valid 15 minutes and a refresh token that rotates once", async () => {
    const first = await post(signIn, { email: ana.email, password: PASSWORD });
    expect(first.status).toBe(200);
    const pair = (await first.json()) as { access: string; refresh: string };
    const now = new Date();
    expect(await authenticateBearer(db, `Bearer ${pair.access}`, now)).toMatchObject({ ok: true, principal: { id: ana.id } });
    expect(await authenticateBearer(db, `Bearer ${pair.access}`, new Date(+now + 16 * 60_000))).toEqual({ ok: false, reason: "expired" });
    // Over HTTP: a token issued 16 minutes ago is a 401 that says it expired.
    const stale = await signAccessToken(ana.id, new Date(Date.now() - 16 * 60_000));
    const refused = await rest("GET", "/tickets/api/departments/", { token: stale, headers: { "accept-language": "pt" } });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe(message("pt", "Errors.tokenExpired"));

    const rotated = await post(refresh, { refresh: pair.refresh });
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as { access: string; refresh: string };
    expect(next.refresh).not.toBe(pair.refresh);
    expect(await authenticateBearer(db, `Bearer ${next.access}`, new Date())).toMatchObject({ ok: true });
    // The used refresh token again: refused, and the whole family with it (a copied token).
    const replay = await post(refresh, { refresh: pair.refresh }, { "accept-language": "es" });
    expect(replay.status).toBe(401);
    expect((await replay.json()).detail).toBe(message("es", "Errors.tokenRefreshInvalid"));
    expect((await post(refresh, { refresh: next.refresh })).status).toBe(401);
    // Only hashes are stored.
    const rows = await db.apiRefreshToken.findMany({ where: { userId: ana.id } });
    expect(JSON.stringify(rows)).not.toContain(pair.refresh.slice(8));
  });

  it("is throttled like the sign-in form: a guessing address is held back, even with the right password", async () => {
    const bea = await makeUser(db, { label: "bea" });
    const from = (ip: string) => ({ "x-mesa-client-ip": ip, "accept-language": "en" });
    for (let i = 0; i < 5; i++)
      expect((await post(signIn, { email: bea.email, password: "guess" + i }, from("203.0.113.7"))).status).toBe(401);
    const held = await post(signIn, { email: bea.email, password: PASSWORD }, from("203.0.113.7"));
    expect(held.status).toBe(429);
    expect((await held.json()).detail).toBe(message("en", "Errors.tooManyAttempts"));
    // The owner, elsewhere, is not locked out.
    expect((await post(signIn, { email: bea.email, password: PASSWORD }, from("198.51.100.4"))).status).toBe(200);
  });

  it("an access token signed with another key, or tampered with, is refused", async () => {
    const pair = (await (await post(signIn, { email: ana.email, password: PASSWORD })).json()) as { access: string };
    const [h, p, s] = pair.access.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: ana.id, typ: "access", jti: "x", exp: 9e9, iss: "mesa", aud: "mesa-api" })).toString("base64url")}.${s}`;
    expect(p).toBeTruthy();
    expect(await authenticateBearer(db, `Bearer ${tampered}`, new Date())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("personal access tokens", () => {
  it("are shown once and stored as a hash only; revoking is immediate", async () => {
    const api = createCaller({ db, user: ana, locale: "en", now: new Date() });
    const { id, token } = await api.profile.tokens.create({ name: "monitor", scope: "read_write" });
    expect(token).toMatch(/^mesa_pat_/);
    // Every column of the table, as an operator with database access would read it: only the sha256.
    const table = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "ApiToken"`);
    expect(table.length).toBeGreaterThan(0);
    expect(JSON.stringify(table)).not.toContain(token.slice(9));
    expect(table.find((r) => r.id === id)?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const listed = await api.profile.tokens.list();
    expect(JSON.stringify(listed)).not.toContain(token.slice(9));
    expect(listed).toEqual([expect.objectContaining({ id, name: "monitor", scope: "read_write", lastUsedAt: null, revokedAt: null })]);

    expect((await rest("GET", "/tickets/api/departments/", { token })).status).toBe(200);
    expect((await api.profile.tokens.list())[0]!.lastUsedAt).toBeInstanceOf(Date);
    await api.profile.tokens.revoke({ id });
    const after = await rest("GET", "/tickets/api/departments/", { token, headers: { "accept-language": "en" } });
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe(message("en", "Errors.tokenInvalid"));
  });

  it("an expired one is refused; nobody revokes another person's token", async () => {
    const now = new Date();
    const { token, id } = await createPersonalToken(db, ana, { name: "short", scope: "read", expiresAt: new Date(+now + 60_000) }, now);
    expect(await authenticateBearer(db, `Bearer ${token}`, new Date(+now + 120_000))).toEqual({ ok: false, reason: "expired" });
    const other = await signedIn(db, (await makeUser(db)).id);
    await expect(revokePersonalToken(db, other, id, now)).rejects.toMatchObject({ code: "not_found" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("a Google-only account (no password) makes and uses one", async () => {
    const google = await makeUser(db, { label: "gina" });
    await db.user.update({ where: { id: google.id }, data: { passwordHash: null } });
    const who = await signedIn(db, google.id);
    const { token } = await createCaller({ db, user: who, locale: "es", now: new Date() }).profile.tokens.create({
      name: "panel",
      scope: "read",
    });
    const answer = await rest("GET", "/tickets/api/tickets/", { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ count: 0, results: [] });
  });

  it("a read-only one reads but changes nothing, not even to mint itself a read-write token", async () => {
    const now = new Date();
    const { token } = await createPersonalToken(db, ana, { name: "reader", scope: "read", expiresAt: null }, now);
    const bearer = await authenticateBearer(db, `Bearer ${token}`, now);
    if (!bearer.ok) throw new Error(`read-only token refused: ${bearer.reason}`);
    expect(bearer.principal.source).toMatchObject({ kind: "api_token", scope: "read" });
    const api = createCaller({ db, user: bearer.principal, locale: "fr", now });
    expect((await api.profile.get()).email).toBe(ana.email);
    for (const change of [
      () => api.profile.tokens.create({ name: "escalate", scope: "read_write" }),
      () => api.profile.update({ name: "Mallory" }),
    ]) {
      const error = await failure(change());
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
      expect(formatError(error as TRPCError, "fr").message).toBe(message("fr", "Errors.tokenReadOnly"));
    }
    expect(await db.apiToken.count({ where: { userId: ana.id, name: "escalate" } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: ana.id } })).name).not.toBe("Mallory");
  });
});
