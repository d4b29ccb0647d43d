// The security headers of every response Mesa sends. Pages get their Content-Security-Policy (with a
// per-request nonce) from proxy.ts, where Next can hand the nonce to its scripts; everything else is
// added here, by the custom server, to whatever response goes out: pages, route handlers, static
// files, the guard's own refusals and Socket.IO's long-polling answers.
//
// A header a route set itself wins (the attachment download's sandboxing CSP, for one): the
// defaults are filled in only where the response has none, at the moment its headers are written.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { pathOf } from "./request-guard";

export interface SecurityHeaderOptions {
  /** Mesa's public URL (NEXTAUTH_URL): HSTS only when it is https. */
  appUrl: string;
}

/** Two years, the subdomains too; never `preload` (that is a decision for whoever runs the domain). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Nothing an API answer may load or be framed by; JSON and files need no more. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Responses that are neither pages with their own policy nor API: at least never framed. */
export const FALLBACK_CSP = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function securityHeaders(path: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "content-security-policy": /^\/(api|tickets\/api|socket\.io)(\/|$)/.test(path) ? API_CSP : FALLBACK_CSP,
  };
  if (options.appUrl.startsWith("https:")) headers["strict-transport-security"] = HSTS;
  return headers;
}

function passedNames(args: unknown[]): Set<string> {
  // writeHead(status, [statusMessage], [headers]) with headers as an object or a flat/nested array.
  const headers = args.find((a) => typeof a === "object" && a !== null) as OutgoingHttpHeaders | unknown[] | undefined;
  const names = new Set<string>();
  if (Array.isArray(headers)) {
    if (Array.isArray(headers[0])) for (const pair of headers as unknown[][]) names.add(String(pair[0]).toLowerCase());
    else for (let i = 0; i < headers.length; i += 2) names.add(String(headers[i]).toLowerCase());
  } else if (headers) {
    for (const name of Object.keys(headers)) names.add(name.toLowerCase());
  }
  return names;
}

/** Adds the defaults this response lacks when its headers are written (explicitly, or implicitly by
 * its first write). */
export function addSecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions): void {
  const defaults = securityHeaders(pathOf(req.url ?? "/"), options);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const passed = passedNames(args.slice(1));
    for (const [name, value] of Object.entries(defaults)) {
      if (!this.hasHeader(name) && !passed.has(name)) this.setHeader(name, value);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/** For Engine.IO's "headers" event (its long-polling and handshake answers bypass the request
 * handler): the same defaults on the headers object it is about to write. */
export function addSecurityHeadersTo(headers: Record<string, unknown>, path: string, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeaders(path, options))) {
    if (!Object.keys(headers).some((k) => k.toLowerCase() === name)) headers[name] = value;
  }
}
