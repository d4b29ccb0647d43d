// Builds the context of an HTTP request: the session from the cookie; the language of the page
// that called (so errors match the screen), else the profile's, else Accept-Language.
import { getConfig } from "../config/env";
import { getDb } from "../db";
import { loadSessionPrincipal } from "../auth/sessions";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { isLocale, negotiateLocale } from "../i18n/locales";
import { randomBytes } from "node:crypto";
import { parseCookies } from "../auth/session-cookie";
import type { Context, HelpVoterCookie } from "./context";

/** The help centre's signed-out voter id: random, httpOnly, a year long (server/kb/help-centre.ts). */
export const HELP_VOTER_COOKIE = "mesa-help-voter";
const VOTER_ID = /^[A-Za-z0-9_-]{22,64}$/;

function helpVoterCookie(headers: Headers, resHeaders: Headers | undefined): HelpVoterCookie {
  const sent = parseCookies(headers.get("cookie")).get(HELP_VOTER_COOKIE);
  const cookie: HelpVoterCookie = {
    id: sent && VOTER_ID.test(sent) ? sent : null,
    issue() {
      const id = randomBytes(18).toString("base64url");
      const secure = getConfig().NEXTAUTH_URL.startsWith("https:") ? "; Secure" : "";
      resHeaders?.append("set-cookie", `${HELP_VOTER_COOKIE}=${id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`);
      cookie.id = id;
      return id;
    },
  };
  return cookie;
}

/** `resHeaders`: the response's headers, where the request may set a cookie (tRPC's HTTP handler). */
export async function contextFromRequest(headers: Headers, resHeaders?: Headers): Promise<Context> {
  const db = getDb();
  const now = new Date();
  const sid = await sessionIdFromCookies(headers.get("cookie"), getConfig().NEXTAUTH_SECRET);
  const user = sid ? await loadSessionPrincipal(db, sid, now) : null;
  const pageLocale = headers.get("x-mesa-locale");
  const locale = isLocale(pageLocale) ? pageLocale : (user?.locale ?? negotiateLocale(headers.get("accept-language")));
  return { db, user, locale, now, ip: headers.get("x-mesa-client-ip") ?? undefined, helpVoter: helpVoterCookie(headers, resHeaders) };
}
