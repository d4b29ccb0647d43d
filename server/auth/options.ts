// next-auth configuration: credentials and Google, JWT cookies that carry only a session id (the
// Session row is the truth), and sign-out that deletes that row.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { getConfig } from "../config/env";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { isLocale, negotiateLocale, type AppLocale } from "../i18n/locales";
import { disconnectSessions } from "../realtime/emit";
import { parseCookies } from "./session-cookie";
import { createSession, deleteSession, SESSION_DAYS } from "../auth/sessions";
import { signInWithGoogle, signInWithPassword, type GoogleProfile } from "./sign-in";

const header = (headers: unknown, name: string): string | undefined => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
};

function googleProvider() {
  const config = getConfig();
  if (!config.GOOGLE_CLIENT_ID || !config.GOOGLE_CLIENT_SECRET) return [];
  const issuer = config.GOOGLE_ISSUER?.replace(/\/$/, "");
  return [
    GoogleProvider({
      clientId: config.GOOGLE_CLIENT_ID,
      clientSecret: config.GOOGLE_CLIENT_SECRET,
      ...(issuer ? { issuer, wellKnown: `${issuer}/.well-known/openid-configuration` } : {}),
    }),
  ];
}

export const isGoogleEnabled = () => googleProvider().length > 0;

/** The language of the page a sign-in started from: next-intl's NEXT_LOCALE cookie (it follows the
 * last page's locale whenever that differs from Accept-Language), else Accept-Language. */
export function signInLocale(headers?: Headers): AppLocale {
  const cookie = parseCookies(headers?.get("cookie")).get("NEXT_LOCALE");
  return isLocale(cookie) ? cookie : negotiateLocale(headers?.get("accept-language"));
}

/** `headers`: the request's, so an account Google creates gets the language its person was using. */
export function authOptions(headers?: Headers): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        // `captcha`: the widget's solution, sent by the form once a sign-in asked for it.
        credentials: { email: { type: "email" }, password: { type: "password" }, captcha: { type: "text" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(
              getDb(),
              {
                email: credentials?.email ?? "",
                password: credentials?.password ?? "",
                captcha: credentials?.captcha || undefined,
                ip: header(req?.headers, "x-mesa-client-ip"),
              },
              new Date(),
            );
          } catch (error) {
            // next-auth hands this message to the sign-in form, which translates the key.
            if (error instanceof AppError) throw new Error(error.messageKey);
            throw error;
          }
        },
      }),
      ...googleProvider(),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "google") return true;
        const staffDomains = config.STAFF_EMAIL_DOMAINS.split(",")
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean);
        const userId = await signInWithGoogle(
          getDb(),
          profile as GoogleProfile,
          { staffDomains, fallbackLocale: signInLocale(headers) },
          new Date(),
        );
        return userId !== null;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token; // not a sign-in: keep the token as it is
        const db = getDb();
        const userId =
          account.provider === "credentials"
            ? user.id
            : (
                await db.account.findUniqueOrThrow({
                  where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
                })
              ).userId;
        return { sub: userId, sid: await createSession(db, userId, new Date()) };
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        await deleteSession(getDb(), token.sid);
        if (typeof token.sub === "string") await disconnectSessions(token.sub, (sid) => sid !== token.sid);
      },
    },
  };
}
