// GET /api/mailboxes/oauth/callback: where Microsoft, Google (or the tests' provider) send the admin
// back after "Conectar" on the Buzones screen, with `state` and `code` (or `error` when they declined).
// Only an admin's session may complete it; the answer is always a redirect to the Buzones screen, with
// `?connected=<mailbox id>` or `?oauthError=<key>` (state, denied, exchange, no_refresh_token,
// not_oauth, forbidden) for the screen to explain.
import { getConfig } from "../../../../../server/config/env";
import { completeOAuth, discardOAuthState, OAuthFlowError, oauthRedirectUri } from "../../../../../server/inbound/sources/oauth2";
import { contextFromRequest } from "../../../../../server/trpc/request-context";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  const params = new URL(request.url).searchParams;
  const back = (query: Record<string, string>) =>
    Response.redirect(`${getConfig().NEXTAUTH_URL.replace(/\/$/, "")}/${ctx.locale}/admin/mailboxes?${new URLSearchParams(query)}`, 303);
  if (ctx.user?.role !== "admin") return back({ oauthError: "forbidden" });
  const state = params.get("state");
  const code = params.get("code");
  if (params.get("error")) {
    if (state) await discardOAuthState(ctx.db, state);
    return back({ oauthError: "denied" });
  }
  if (!state || !code) return back({ oauthError: "state" });
  try {
    const { mailboxId } = await completeOAuth(ctx.db, { state, code, redirectUri: oauthRedirectUri(), iss: params.get("iss") });
    return back({ connected: mailboxId });
  } catch (error) {
    if (error instanceof OAuthFlowError) return back({ oauthError: error.key });
    console.error("[mailbox] OAuth2 connection failed", error);
    return back({ oauthError: "exchange" });
  }
}
