// Builds the context of an HTTP request: the session from the cookie; the language of the page
// that called (so errors match the screen), else the profile's, else Accept-Language.
import { getConfig } from "../config/env";
import { getDb } from "../db";
import { loadSessionPrincipal } from "../auth/sessions";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { isLocale, negotiateLocale } from "../i18n/locales";
import type { Context } from "./context";

export async function contextFromRequest(headers: Headers): Promise<Context> {
  const db = getDb();
  const now = new Date();
  const sid = await sessionIdFromCookies(headers.get("cookie"), getConfig().NEXTAUTH_SECRET);
  const user = sid ? await loadSessionPrincipal(db, sid, now) : null;
  const pageLocale = headers.get("x-mesa-locale");
  const locale = isLocale(pageLocale) ? pageLocale : (user?.locale ?? negotiateLocale(headers.get("accept-language")));
  return { db, user, locale, now, ip: headers.get("x-mesa-client-ip") ?? undefined };
}
