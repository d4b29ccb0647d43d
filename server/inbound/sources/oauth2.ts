// OAuth2 for mailboxes (Microsoft 365, Gmail, or any OpenID issuer — tests use a local one), with
// `openid-client` 6. The admin connects a mailbox through the provider's authorization-code flow
// (PKCE S256, state kept in MailboxOAuthState for 10 minutes); Mesa keeps only the refresh token,
// sealed with the application key. Every refresh saves the rotated refresh token in the same step:
// Microsoft rotates it each time and the old one dies, so a mailbox that kept using the first one
// would stop after 90 days (osTicket #6455). When the provider refuses the grant (`invalid_grant`:
// revoked, or expired by inactivity) the mailbox says so (authProblem + lastError) and every later
// call fails fast with MailboxAuthProblem, without asking the provider again, until an admin reconnects.
import * as client from "openid-client";
import { createHash } from "node:crypto";
import { getConfig } from "../../config/env";
import type { Db } from "../../db";
import { AppError } from "../../errors/app-error";
import { openSecret, sealSecret } from "../../sensitive/secret-box";

const MICROSOFT_ISSUER = "https://login.microsoftonline.com/common/v2.0";
const MICROSOFT_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/POP.AccessAsUser.All offline_access";
const GOOGLE_ISSUER = "https://accounts.google.com";
const STATE_MINUTES = 10;

/** Why a mailbox cannot sign in until an admin acts (authProblem holds the first two). */
export type MailboxAuthProblemKind = "revoked" | "expired" | "not_connected";

/** Thrown when the mailbox's grant is gone: the fetcher stops for this mailbox instead of retrying. */
export class MailboxAuthProblem extends Error {
  override name = "MailboxAuthProblem";
  constructor(
    readonly problem: MailboxAuthProblemKind,
    message: string,
  ) {
    super(message);
  }
}

/** Why connecting failed, as `?oauthError=<key>` on the Buzones screen. */
export type OAuthErrorKey = "state" | "denied" | "exchange" | "no_refresh_token" | "not_oauth" | "forbidden";

export class OAuthFlowError extends Error {
  override name = "OAuthFlowError";
  constructor(
    readonly key: OAuthErrorKey,
    message: string,
  ) {
    super(message);
  }
}

interface ProviderProfile {
  issuer: URL;
  scope: string;
  /** Extra authorization parameters: Google hands out a refresh token only for offline access with consent. */
  authorization: Record<string, string>;
  /** Extra refresh parameters: Microsoft's v2 endpoint wants the scopes again. */
  refresh: Record<string, string>;
}

export function providerProfile(provider: string): ProviderProfile {
  if (provider === "microsoft")
    return { issuer: new URL(MICROSOFT_ISSUER), scope: MICROSOFT_SCOPE, authorization: {}, refresh: { scope: MICROSOFT_SCOPE } };
  if (provider === "google")
    return {
      issuer: new URL(GOOGLE_ISSUER),
      scope: "https://mail.google.com/",
      authorization: { access_type: "offline", prompt: "consent" },
      refresh: {},
    };
  let issuer: URL;
  try {
    issuer = new URL(provider);
  } catch {
    throw new Error(`Unknown OAuth2 provider "${provider}": use microsoft, google or an issuer URL`);
  }
  if (issuer.protocol !== "https:" && issuer.protocol !== "http:") throw new Error(`The OAuth2 issuer must be an https URL: ${provider}`);
  return { issuer, scope: "openid offline_access", authorization: {}, refresh: {} };
}

/** Where the provider sends the admin back (app/api/mailboxes/oauth/callback/route.ts). */
export const oauthRedirectUri = () => `${getConfig().NEXTAUTH_URL.replace(/\/$/, "")}/api/mailboxes/oauth/callback`;

const oauthSelect = {
  id: true,
  auth: true,
  username: true,
  oauthProvider: true,
  oauthClientId: true,
  oauthClientSecretSealed: true,
  refreshTokenSealed: true,
  authProblem: true,
  lastError: true,
} as const;

interface OAuthMailbox {
  id: string;
  auth: string;
  username: string;
  oauthProvider: string | null;
  oauthClientId: string | null;
  oauthClientSecretSealed: string | null;
  refreshTokenSealed: string | null;
  authProblem: string | null;
  lastError: string | null;
}

const refreshContext = (id: string) => `mailbox:${id}:refresh-token`;

// Discovery once per issuer and client; a failed discovery is forgotten so the next call tries again.
const configurations = new Map<string, Promise<client.Configuration>>();

async function configurationFor(mailbox: OAuthMailbox): Promise<{ config: client.Configuration; profile: ProviderProfile }> {
  if (mailbox.auth !== "oauth2" || !mailbox.oauthProvider || !mailbox.oauthClientId)
    throw new OAuthFlowError("not_oauth", "This mailbox does not sign in with OAuth2 (provider and client id are needed).");
  const profile = providerProfile(mailbox.oauthProvider);
  const secret = mailbox.oauthClientSecretSealed
    ? openSecret(mailbox.oauthClientSecretSealed, `mailbox:${mailbox.id}:client-secret`)
    : undefined;
  const key = createHash("sha256")
    .update(JSON.stringify([profile.issuer.href, mailbox.oauthClientId, secret ?? null]))
    .digest("hex");
  let config = configurations.get(key);
  if (!config) {
    // Plain http only for a local issuer (the tests'); real providers are https.
    const options = profile.issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined;
    config = client.discovery(profile.issuer, mailbox.oauthClientId, secret, undefined, options);
    configurations.set(key, config);
    config.catch(() => configurations.delete(key));
  }
  return { config: await config, profile };
}

/** The authorization URL the admin's browser goes to for "Conectar". */
export async function oauthAuthorizationUrl(db: Db, mailboxId: string, redirectUri: string): Promise<string> {
  const mailbox = await db.mailbox.findUnique({ where: { id: mailboxId }, select: oauthSelect });
  if (!mailbox) throw new AppError("not_found");
  if (mailbox.auth !== "oauth2" || !mailbox.oauthProvider || !mailbox.oauthClientId) throw new AppError("invalid_input");
  const { config, profile } = await configurationFor(mailbox);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const now = new Date();
  await db.mailboxOAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.mailboxOAuthState.create({ data: { state, mailboxId, verifier, expiresAt: new Date(now.getTime() + STATE_MINUTES * 60_000) } });
  return client
    .buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: profile.scope,
      response_type: "code",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      // The account to sign in with is the mailbox's.
      login_hint: mailbox.username,
      ...profile.authorization,
    })
    .toString();
}

/** Drops a state the provider answered with an error (the admin declined): it cannot be used again. */
export async function discardOAuthState(db: Db, state: string): Promise<void> {
  await db.mailboxOAuthState.deleteMany({ where: { state } });
}

/** The provider sent the admin back with a code: exchange it and keep the refresh token. */
export async function completeOAuth(
  db: Db,
  input: { state: string; code: string; redirectUri: string; iss?: string | null },
): Promise<{ mailboxId: string }> {
  const pending = await db.mailboxOAuthState.findUnique({ where: { state: input.state } });
  // One use only: whoever deletes it goes on.
  const { count } = await db.mailboxOAuthState.deleteMany({ where: { state: input.state } });
  if (!pending || count !== 1 || pending.expiresAt < new Date())
    throw new OAuthFlowError("state", "The connection request is unknown or older than 10 minutes: start again.");
  const mailbox = await db.mailbox.findUnique({ where: { id: pending.mailboxId }, select: oauthSelect });
  if (!mailbox) throw new OAuthFlowError("state", "The mailbox no longer exists.");
  const { config } = await configurationFor(mailbox);
  const callback = new URL(input.redirectUri);
  callback.searchParams.set("code", input.code);
  callback.searchParams.set("state", input.state);
  if (input.iss) callback.searchParams.set("iss", input.iss);
  let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  try {
    tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: input.state });
  } catch (error) {
    throw new OAuthFlowError("exchange", `The provider did not accept the authorization code: ${describeOAuthError(error)}`);
  }
  if (!tokens.refresh_token)
    throw new OAuthFlowError("no_refresh_token", "The provider gave no refresh token: Mesa could not keep the mailbox connected.");
  const sealed = sealSecret(tokens.refresh_token, refreshContext(mailbox.id));
  await db.mailbox.update({
    where: { id: mailbox.id },
    data: { refreshTokenSealed: sealed, authProblem: null, lastError: null, lastErrorAt: null },
  });
  remember(mailbox.id, sealed, tokens);
  return { mailboxId: mailbox.id };
}

// ---- Access tokens ------------------------------------------------------------------------------

interface AccessToken {
  accessToken: string;
  /** Until when it is used (shortly before it expires); an IMAP session signed in with it ends then. */
  usableUntil: number;
}

// Per process: the access token of each mailbox, valid only with the refresh token it came with (a
// reconnect replaces that, and so forgets the cached token); one refresh at a time per mailbox.
const cache = new Map<string, AccessToken & { sealed: string }>();
const refreshing = new Map<string, Promise<AccessToken>>();

function remember(mailboxId: string, sealed: string, tokens: client.TokenEndpointResponse): AccessToken {
  const lifetime = (tokens.expires_in ?? 3600) * 1000;
  const entry = { sealed, accessToken: tokens.access_token, usableUntil: Date.now() + lifetime - Math.min(60_000, lifetime / 2) };
  cache.set(mailboxId, entry);
  return entry;
}

/** A current access token for the mailbox (refreshed when needed; the rotated refresh token is saved). */
export async function accessTokenFor(db: Db, mailbox: { id: string }): Promise<string> {
  return (await mailboxAccessToken(db, mailbox.id)).accessToken;
}

export async function mailboxAccessToken(db: Db, mailboxId: string): Promise<AccessToken> {
  // Read afresh: another process may have rotated the refresh token since the caller loaded the row.
  const mailbox = await db.mailbox.findUnique({ where: { id: mailboxId }, select: oauthSelect });
  if (!mailbox) throw new Error("The mailbox no longer exists.");
  if (mailbox.authProblem === "revoked" || mailbox.authProblem === "expired")
    throw new MailboxAuthProblem(mailbox.authProblem, mailbox.lastError ?? `The OAuth2 grant was ${mailbox.authProblem}.`);
  if (!mailbox.refreshTokenSealed)
    throw new MailboxAuthProblem(
      "not_connected",
      "The mailbox is not connected to its OAuth2 provider yet: an administrator must connect it.",
    );
  const cached = cache.get(mailboxId);
  if (cached && cached.sealed === mailbox.refreshTokenSealed && cached.usableUntil > Date.now()) return cached;
  let pending = refreshing.get(mailboxId);
  if (!pending) {
    pending = refresh(db, mailbox, true).finally(() => refreshing.delete(mailboxId));
    refreshing.set(mailboxId, pending);
  }
  return pending;
}

async function refresh(db: Db, mailbox: OAuthMailbox, mayRetry: boolean): Promise<AccessToken> {
  const sealed = mailbox.refreshTokenSealed!;
  const { config, profile } = await configurationFor(mailbox);
  const refreshToken = openSecret(sealed, refreshContext(mailbox.id));
  let tokens: client.TokenEndpointResponse;
  try {
    tokens = await client.refreshTokenGrant(config, refreshToken, profile.refresh);
  } catch (error) {
    if (!(error instanceof client.ResponseBodyError) || error.error !== "invalid_grant") throw error;
    // Another node may have rotated it a moment ago: then the stored one is newer and works.
    const now = await db.mailbox.findUnique({ where: { id: mailbox.id }, select: oauthSelect });
    if (mayRetry && now?.refreshTokenSealed && now.refreshTokenSealed !== sealed && !now.authProblem) return refresh(db, now, false);
    const problem = grantProblem(error.error_description);
    const message =
      `The ${providerName(mailbox.oauthProvider)} sign-in of this mailbox ${problem === "expired" ? "has expired" : "was revoked"} ` +
      `(invalid_grant${error.error_description ? `: ${error.error_description}` : ""}). An administrator must connect the mailbox again.`;
    // Only if nobody reconnected it meanwhile.
    await db.mailbox.updateMany({
      where: { id: mailbox.id, refreshTokenSealed: sealed },
      data: { authProblem: problem, lastError: message, lastErrorAt: new Date() },
    });
    cache.delete(mailbox.id);
    throw new MailboxAuthProblem(problem, message);
  }
  let current = sealed;
  if (tokens.refresh_token && tokens.refresh_token !== refreshToken) {
    const rotated = sealSecret(tokens.refresh_token, refreshContext(mailbox.id));
    // Saved before the access token is used; skipped when an admin reconnected meanwhile (theirs is newer).
    const { count } = await db.mailbox.updateMany({
      where: { id: mailbox.id, refreshTokenSealed: sealed },
      data: { refreshTokenSealed: rotated },
    });
    if (count === 1) current = rotated;
  }
  return remember(mailbox.id, current, tokens);
}

/** Microsoft says AADSTS50173 (revoked) or AADSTS700082 (expired by inactivity); Google "expired or revoked". */
export function grantProblem(description: string | undefined): "revoked" | "expired" {
  const text = description ?? "";
  if (/revoked/i.test(text)) return "revoked";
  return /expired/i.test(text) ? "expired" : "revoked";
}

function providerName(provider: string | null): string {
  if (provider === "microsoft") return "Microsoft";
  if (provider === "google") return "Google";
  return "OAuth2";
}

function describeOAuthError(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof client.AuthorizationResponseError)
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  return error instanceof Error ? error.message : String(error);
}
