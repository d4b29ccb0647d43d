// Every page request passes here (Next 16's proxy, the former middleware).
// 1. Its Content-Security-Policy, with a nonce of its own (server/http/content-security-policy.ts):
//    set on the request, where Next reads the nonce and adds it to the scripts and styles it
//    renders (`x-nonce` too, for the inline theme script), and on the response, for the browser.
//    The other security headers are the custom server's (server/http/security-headers.ts).
// 2. Every page URL carries its locale. `/` and unprefixed paths are redirected to the visitor's
//    language: the NEXT_LOCALE cookie (set on sign-in and by the language switcher, from the
//    profile), else Accept-Language among es/en/pt/fr, else English. next-intl forwards the request
//    headers it is given, the nonce among them.
import createMiddleware from "next-intl/middleware";
import { NextRequest, type NextResponse } from "next/server";
import { routing } from "./app/_i18n/routing";
import { newNonce, pagePolicy } from "./server/http/content-security-policy";

const localize = createMiddleware(routing);

export default function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = pagePolicy({
    nonce,
    appUrl: process.env.NEXTAUTH_URL ?? request.nextUrl.origin,
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = localize(new NextRequest(request, { headers }));
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api|tickets/api|_next|_vercel|socket\\.io|.*\\..*).*)"],
};
