// OAuth2 mailboxes for real: an admin connects the mailbox through the provider's authorization-code
// flow (PKCE) and Mesa's callback route; Dovecot accepts the access tokens over IMAP (OAUTHBEARER /
// XOAUTH2) and POP3 (AUTH XOAUTH2) through its oauth2 passdb and a local introspection endpoint;
// a refresh stores the rotated refresh token; a revoked or expired grant shows on the mailbox and
// stops its fetcher until the admin connects it again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as oauthCallback } from "../../app/api/mailboxes/oauth/callback/route";
import type { Db } from "../../server/db";
import { fetchMailboxOnce, startMailboxFetchers } from "../../server/inbound/sources/fetchers";
import {
  MailboxAuthProblem,
  OAuthFlowError,
  completeOAuth,
  oauthAuthorizationUrl,
  oauthRedirectUri,
} from "../../server/inbound/sources/oauth2";
import { testMailboxConnection } from "../../server/inbound/sources/test-connection";
import { openSecret, sealSecret } from "../../server/sensitive/secret-box";
import { startDovecot, type Dovecot } from "../support/dovecot";
import { makeUser, signedIn } from "../support/factories";
import { sessionCookie, useDatabase } from "../support/http";
import { startOAuthProvider, type OAuthProvider } from "../support/oauth-provider";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d, opened) => {
  db = d;
  useDatabase(opened); // the callback route reads the process-wide database
});

let provider: OAuthProvider;
let dovecot: Dovecot;
let adminCookie: string;
beforeAll(async () => {
  // Short-lived access tokens: every use after a second refreshes (and rotates) the grant.
  provider = await startOAuthProvider({ accessTokenSeconds: 2 });
  dovecot = await startDovecot({ introspectionUrl: provider.introspectionUrl });
  const admin = await makeUser(db, { role: "admin", locale: "pt" });
  adminCookie = await sessionCookie(admin.id, (await signedIn(db, admin.id)).sessionId);
});
afterAll(async () => {
  await dovecot?.stop();
  await provider?.stop();
  useDatabase(undefined);
});

/** A mailbox that signs in with OAuth2 only (Dovecot knows no password for it). */
async function oauthMailbox(protocol: "imap" | "pop3", server = dovecot) {
  const user = `o${randomUUID().slice(0, 8)}`;
  const id = randomUUID();
  const mailbox = await db.mailbox.create({
    data: {
      id,
      name: `OAuth2 ${protocol} ${user}`,
      protocol,
      host: server.host,
      port: protocol === "imap" ? server.imapPort : server.pop3Port,
      tls: false,
      username: user,
      auth: "oauth2",
      oauthProvider: provider.issuer,
      oauthClientId: "mesa-mailboxes",
      oauthClientSecretSealed: sealSecret("client-secret", `mailbox:${id}:client-secret`),
      processedFolder: "Procesado",
    },
  });
  return { ...mailbox, user };
}

/** The admin's browser: "Conectar" → the provider (signed in, consents) → Mesa's callback route. */
async function connect(mailboxId: string, cookie = adminCookie): Promise<URL> {
  const authorize = new URL(await oauthAuthorizationUrl(db, mailboxId, oauthRedirectUri()));
  const atProvider = await fetch(authorize, { redirect: "manual" });
  expect(atProvider.status).toBe(302);
  const callback = atProvider.headers.get("location")!;
  expect(callback.startsWith(oauthRedirectUri())).toBe(true);
  const answer = await oauthCallback(new Request(callback, { headers: { cookie } }));
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get("location")!);
}

const mail = (messageId: string, subject: string) =>
  `From: Cliente <cliente@example.test>\r\nTo: soporte@demo.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n\r\nHola.\r\n`;

const mailbox = (id: string) => db.mailbox.findUniqueOrThrow({ where: { id } });

describe("OAuth2 mailboxes", () => {
  it("connects through the authorization-code flow with PKCE, for an admin only", async () => {
    const box = await oauthMailbox("imap");
    const authorize = new URL(await oauthAuthorizationUrl(db, box.id, oauthRedirectUri()));
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: "mesa-mailboxes",
      response_type: "code",
      redirect_uri: "http://mesa.test/api/mailboxes/oauth/callback",
      code_challenge_method: "S256",
      login_hint: box.user,
    });
    const state = await db.mailboxOAuthState.findUniqueOrThrow({ where: { state: authorize.searchParams.get("state")! } });
    expect(state.mailboxId).toBe(box.id);
    expect(state.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    // A partner's session cannot complete it.
    const partner = await makeUser(db, { role: "partner" });
    const partnerCookie = await sessionCookie(partner.id, (await signedIn(db, partner.id)).sessionId);
    expect((await connect(box.id, partnerCookie)).searchParams.get("oauthError")).toBe("forbidden");
    expect((await mailbox(box.id)).refreshTokenSealed).toBeNull();

    // Back on the Buzones screen, in the admin's language.
    const back = await connect(box.id);
    expect(back.origin + back.pathname).toBe("http://mesa.test/pt/admin/mailboxes");
    expect(back.searchParams.get("connected")).toBe(box.id);
    const row = await mailbox(box.id);
    expect(openSecret(row.refreshTokenSealed!, `mailbox:${box.id}:refresh-token`)).toBe(provider.currentRefreshToken(box.user));
    expect(row.authProblem).toBeNull();

    // A state is good for one use.
    const again = new URL(await oauthAuthorizationUrl(db, box.id, oauthRedirectUri()));
    const code = new URL((await fetch(again, { redirect: "manual" })).headers.get("location")!).searchParams.get("code")!;
    const input = { state: again.searchParams.get("state")!, code, redirectUri: oauthRedirectUri() };
    await completeOAuth(db, input);
    await expect(completeOAuth(db, input)).rejects.toMatchObject({ name: OAuthFlowError.name, key: "state" });
  });

  it("fetches over IMAP (OAUTHBEARER) and POP3 (XOAUTH2), and saves the rotated refresh token at each refresh", async () => {
    const imap = await oauthMailbox("imap");
    const pop3 = await oauthMailbox("pop3");
    await connect(imap.id);
    await connect(pop3.id);
    await dovecot.deliver(imap.user, mail("oi1@example.test", "Por IMAP"));
    await dovecot.deliver(pop3.user, mail("op1@example.test", "Por POP3"));

    expect(await testMailboxConnection(db, imap.id)).toEqual({ ok: true, detail: "INBOX: 1 message" });
    expect(await fetchMailboxOnce(db, imap.id)).toMatchObject({ stored: 1 });
    expect(await fetchMailboxOnce(db, pop3.id)).toMatchObject({ stored: 1 });
    expect(await db.inboundMail.count({ where: { mailboxId: { in: [imap.id, pop3.id] } } })).toBe(2);

    // Once the access token is due, the next fetch refreshes: the provider rotates the refresh token
    // (the old one stops working) and the mailbox keeps the new one.
    const first = (await mailbox(imap.id)).refreshTokenSealed!;
    const refreshes = provider.refreshes();
    await expect
      .poll(async () => (await fetchMailboxOnce(db, imap.id), provider.refreshes()), { timeout: 10_000, interval: 200 })
      .toBeGreaterThan(refreshes);
    const rotated = (await mailbox(imap.id)).refreshTokenSealed!;
    expect(rotated).not.toBe(first);
    const context = `mailbox:${imap.id}:refresh-token`;
    expect(openSecret(rotated, context)).toBe(provider.currentRefreshToken(imap.user));
    expect(openSecret(first, context)).not.toBe(provider.currentRefreshToken(imap.user));

    // And it still works with it: the next mail comes in.
    await dovecot.deliver(imap.user, mail("oi2@example.test", "Después de renovar"));
    await expect.poll(async () => (await fetchMailboxOnce(db, imap.id)).stored, { timeout: 10_000, interval: 200 }).toBe(1);
  });

  it("signs in with XOAUTH2 where the server offers no OAUTHBEARER, as Microsoft 365's IMAP", async () => {
    const microsoftLike = await startDovecot({ introspectionUrl: provider.introspectionUrl, authMechanisms: "plain login xoauth2" });
    try {
      const box = await oauthMailbox("imap", microsoftLike);
      await connect(box.id);
      await microsoftLike.deliver(box.user, mail("ox1@example.test", "Desde Outlook"));
      expect(await fetchMailboxOnce(db, box.id)).toMatchObject({ stored: 1 });
    } finally {
      await microsoftLike.stop();
    }
  });

  it("a revoked grant shows on the mailbox and stops its fetcher until the admin connects it again", async () => {
    const box = await oauthMailbox("imap");
    await connect(box.id);
    await db.mailbox.updateMany({ where: { id: { not: box.id } }, data: { enabled: false } });
    const fetchers = startMailboxFetchers(() => db, { nodeId: "node-oauth", pollSeconds: 600, renewSeconds: 1 });
    try {
      await dovecot.deliver(box.user, mail("or1@example.test", "Antes de revocar"));
      await expect.poll(() => db.inboundMail.count({ where: { mailboxId: box.id } }), { timeout: 15_000, interval: 100 }).toBe(1);

      provider.revoke(box.user);
      // The session ends when its access token is due; the next one cannot refresh.
      await expect.poll(async () => (await mailbox(box.id)).authProblem, { timeout: 15_000, interval: 100 }).toBe("revoked");
      await expect.poll(() => fetchers.running(), { timeout: 5000, interval: 100 }).toEqual([]);
      const row = await mailbox(box.id);
      expect(row.lastError).toMatch(/was revoked .*invalid_grant: AADSTS50173.*An administrator must connect the mailbox again\./);
      expect(row.lastErrorAt).not.toBeNull();
      await expect.poll(async () => (await mailbox(box.id)).leaseOwner, { timeout: 5000, interval: 100 }).toBeNull();

      // Nothing asks the provider again: "fetch now" and "Probar conexión" answer with the problem.
      const refreshes = provider.refreshes();
      await expect(fetchMailboxOnce(db, box.id)).rejects.toBeInstanceOf(MailboxAuthProblem);
      expect(await testMailboxConnection(db, box.id)).toEqual({ ok: false, error: row.lastError });
      expect(provider.refreshes()).toBe(refreshes);

      // The admin connects it again: the problem is gone and the fetcher takes the mailbox back.
      await dovecot.deliver(box.user, mail("or2@example.test", "Después de reconectar"));
      expect((await connect(box.id)).searchParams.get("connected")).toBe(box.id);
      expect(await mailbox(box.id)).toMatchObject({ authProblem: null, lastError: null });
      await expect.poll(() => db.inboundMail.count({ where: { mailboxId: box.id } }), { timeout: 15_000, interval: 100 }).toBe(2);
      expect(fetchers.running()).toEqual([box.id]);
    } finally {
      await fetchers.stop();
    }
  });

  it("an expired grant says so", async () => {
    const box = await oauthMailbox("pop3");
    await connect(box.id);
    provider.revoke(box.user, "expired");
    // Past the access token's life, the fetch needs a refresh, which the provider refuses.
    await expect
      .poll(async () => (await fetchMailboxOnce(db, box.id).catch((error: unknown) => error)) instanceof MailboxAuthProblem, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(true);
    const row = await mailbox(box.id);
    expect(row.authProblem).toBe("expired");
    expect(row.lastError).toMatch(/has expired .*AADSTS700082/);
  });
});
