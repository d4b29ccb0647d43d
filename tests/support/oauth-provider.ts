// A local OAuth2 provider standing in for Microsoft 365 / Google in the mailbox tests:
// - `oauth2-mock-server` issues the tokens (authorization code with PKCE, refresh);
// - on top of it, grants: the authorization code is bound to the `login_hint` user (the mailbox),
//   every refresh **rotates** the refresh token (the old one stops working, as at Microsoft), and a
//   grant can be revoked or expired (the next refresh answers `invalid_grant` with Microsoft's text);
// - an introspection endpoint for Dovecot's oauth2 passdb (`POST /introspect`, body `token=…`): the
//   mock's own /introspect ignores the body, so this one verifies the JWT with `jose` against the
//   mock's JWKS and answers `{ active, username }`, inactive once its grant is revoked.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { OAuth2Server, type MutableRedirectUri, type MutableResponse, type MutableToken } from "oauth2-mock-server";

interface Grant {
  id: string;
  username: string;
  /** null while it works; otherwise why refreshing it fails. */
  ended: "revoked" | "expired" | null;
  refreshToken: string | null;
}

export interface OAuthProvider {
  /** The issuer URL (what a mailbox's `oauthProvider` holds in tests). */
  issuer: string;
  /** Where Dovecot checks tokens (tests/support/dovecot.ts `introspectionUrl`). */
  introspectionUrl: string;
  /** The refresh token that works right now for a user's latest grant, or null. */
  currentRefreshToken(username: string): string | null;
  /** How many refresh_token grants were answered successfully. */
  refreshes(): number;
  /** Ends every grant of the user: the next refresh fails with invalid_grant and their access tokens turn inactive. */
  revoke(username: string, reason?: "revoked" | "expired"): void;
  stop(): Promise<void>;
}

export interface OAuthProviderOptions {
  /** Lifetime of the access tokens in seconds (short ones make every use refresh). Default 3600. */
  accessTokenSeconds?: number;
}

type TokenRequest = IncomingMessage & { body?: Record<string, unknown> };

/** What Microsoft answers for a revoked grant and for one expired by inactivity. */
const endedDescription = {
  revoked: "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.",
  expired: "AADSTS700082: The refresh token has expired due to inactivity.",
};

export async function startOAuthProvider(options: OAuthProviderOptions = {}): Promise<OAuthProvider> {
  const ttl = options.accessTokenSeconds ?? 3600;
  const grants = new Map<string, Grant>();
  const byCode = new Map<string, Grant>();
  const byRefreshToken = new Map<string, Grant>();
  let refreshCount = 0;

  const mock = new OAuth2Server();
  await mock.issuer.keys.generate("RS256");

  // The authorization code belongs to the user the client named (login_hint), as after a sign-in.
  mock.service.on("beforeAuthorizeRedirect", (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const code = redirect.url.searchParams.get("code");
    if (!code) return;
    const hint = new URL(req.url ?? "/", "http://x").searchParams.get("login_hint");
    const grant: Grant = { id: randomUUID(), username: hint ?? "johndoe", ended: null, refreshToken: null };
    grants.set(grant.id, grant);
    byCode.set(code, grant);
  });

  const grantOf = (req: TokenRequest): Grant | undefined => {
    const body = req.body ?? {};
    if (body.grant_type === "authorization_code" && typeof body.code === "string") return byCode.get(body.code);
    if (body.grant_type === "refresh_token" && typeof body.refresh_token === "string") return byRefreshToken.get(body.refresh_token);
    return undefined;
  };

  mock.service.on("beforeTokenSigning", (token: MutableToken, req: TokenRequest) => {
    const grant = grantOf(req);
    if (!grant) return;
    token.payload.sub = grant.username;
    token.payload.grant = grant.id;
    token.payload.exp = token.payload.iat + ttl;
  });

  mock.service.on("beforeResponse", (response: MutableResponse, req: TokenRequest) => {
    const grantType = req.body?.grant_type;
    if (grantType !== "authorization_code" && grantType !== "refresh_token") return;
    const grant = grantOf(req);
    if (!grant || grant.ended) {
      response.statusCode = 400;
      response.body = {
        error: "invalid_grant",
        error_description: grant?.ended
          ? endedDescription[grant.ended]
          : "AADSTS9002313: Invalid request. The grant is unknown or was already used.",
      };
      return;
    }
    if (grantType === "authorization_code") byCode.delete(String(req.body?.code));
    else refreshCount++;
    // Rotation: the token just used stops working; only the new one refreshes.
    if (grant.refreshToken) byRefreshToken.delete(grant.refreshToken);
    const body = response.body as Record<string, unknown>;
    grant.refreshToken = String(body.refresh_token);
    byRefreshToken.set(grant.refreshToken, grant);
    body.expires_in = ttl;
  });

  await mock.start(0, "127.0.0.1");
  const issuer = `http://127.0.0.1:${mock.address().port}`;
  mock.issuer.url = issuer;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));

  // Dovecot's oauth2 passdb: POST token=… → { active, username }.
  const introspection = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const token = new URLSearchParams(Buffer.concat(chunks).toString()).get("token") ?? "";
      jwtVerify(token, jwks, { issuer })
        .then(({ payload }) => {
          const grant = typeof payload.grant === "string" ? grants.get(payload.grant) : undefined;
          return grant && !grant.ended ? { active: true, username: grant.username } : { active: false };
        })
        .catch(() => ({ active: false }))
        .then((answer) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(answer));
        });
    });
  });
  await new Promise<void>((resolve) => introspection.listen(0, "127.0.0.1", resolve));
  const introspectionPort = (introspection.address() as AddressInfo).port;

  const latestGrant = (username: string) => [...grants.values()].filter((g) => g.username === username).at(-1);
  return {
    issuer,
    introspectionUrl: `http://127.0.0.1:${introspectionPort}/introspect`,
    currentRefreshToken(username) {
      const grant = latestGrant(username);
      return grant && !grant.ended ? grant.refreshToken : null;
    },
    refreshes: () => refreshCount,
    revoke(username, reason = "revoked") {
      for (const grant of grants.values()) if (grant.username === username) grant.ended = reason;
    },
    async stop() {
      introspection.closeAllConnections();
      await new Promise<void>((resolve) => introspection.close(() => resolve()));
      await mock.stop();
    },
  };
}
