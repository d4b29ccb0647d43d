// What every HTTP request must pass before Next (or any route) reads it: where it comes from, for a
// request that changes something, and how big its body may be. Pure decisions on the method, path
// and headers, so the custom server (server/http/pipeline.ts), the upload route and the tests all
// apply the same rules.
//
// Cross-site request forgery. Sessions are cookies, and SameSite=Lax does not stop a *same-site*
// page (a sibling subdomain) nor a top-level cross-site form POST in every browser. So a request
// with an unsafe method (anything but GET, HEAD, OPTIONS) must prove it comes from Mesa's own pages:
//   1. `Origin` present: it must be Mesa's origin (NEXTAUTH_URL's). `Origin: null` (sandboxed
//      frames, some redirects, file://) is refused.
//   2. No `Origin` but `Sec-Fetch-Site`: it must be `same-origin` (or `none`: typed by the person).
//      `same-site` is refused: that is precisely the sibling-subdomain attack.
//   3. Neither, but a `Referer`: its origin must be Mesa's.
//   4. None of the three: allowed. Every browser Mesa supports sends `Origin` on every non-GET
//      request (and `Sec-Fetch-Site` on every request), so a request without any of them was not
//      made by a browser on someone's behalf: it is curl, a script, the end-to-end harness or an API
//      client, which holds its credentials itself; it cannot be a forged request riding on a
//      victim's cookie, which is what CSRF is. Refusing them when they carry a cookie would only
//      break such clients without stopping any attack.
// Not checked: requests that carry no ambient credential, i.e. `Authorization` and no `Cookie` (the
// API with bearer tokens under /api/token/ and /tickets/api/*, even when called from a browser on
// another origin through CORS: the token is not something a forger has), and the automation tick
// under /api/cron/ (its bearer secret authenticates it; external schedulers send no Origin). All of
// next-auth's POSTs (credentials sign-in, sign-out) come from Mesa's own pages and are checked; its
// OAuth callback from Google is a GET.
//
// Body size. Bodies are limited per route before anything parses them: tRPC 1 MiB; uploads (POST
// /api/attachments) keep their own limits (the attachment policy, enforced by receiveUpload on the
// stream); everything else 64 KiB. A declared Content-Length over the limit is refused at once; a
// chunked body is counted as it arrives (pipeline.ts).
//
// Uploads. POST /api/attachments must also look like the app's upload code (upload-file.ts): the
// bytes as `application/octet-stream` with the page's `x-mesa-locale`. Neither can be produced by
// an HTML form (whose bodies are text/plain, urlencoded or multipart) and either makes a cross-
// origin fetch need a CORS preflight, which Mesa never grants: so even a browser that sent no
// Origin could not be made to upload into a victim's quota.

export type HeaderValue = string | string[] | undefined;
/** Node's IncomingHttpHeaders or a Fetch Headers object. */
export type HeaderSource = Record<string, HeaderValue> | { get(name: string): string | null };

export interface RequestFacts {
  method: string;
  /** The request target as sent: a path with an optional query. */
  url: string;
  headers: HeaderSource;
}

export interface GuardConfig {
  /** Mesa's public origin, e.g. "https://help.example.com" (from NEXTAUTH_URL). */
  appOrigin: string;
}

export type RefusalCode = "cross_origin" | "payload_too_large" | "not_an_upload";
export interface Refusal {
  status: 403 | 413 | 415;
  code: RefusalCode;
  /** For logs and the JSON answer; not translated. */
  detail: string;
}

export const TRPC_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, HeaderValue>)[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The path as routing sees it: dot segments resolved (`/api/cron/../trpc` is tRPC) and repeated
 * slashes collapsed, so no spelling of a path reaches an exemption meant for another. A spelling
 * this does not undo (percent-encoded letters) only ever makes the rules stricter: it matches no
 * exemption and gets the default body limit. */
export function pathOf(url: string): string {
  let path: string;
  try {
    path = new URL(url.replace(/^\/+/, "/"), "http://path.invalid").pathname;
  } catch {
    path = url.split(/[?#]/, 1)[0] ?? "/";
  }
  return path.replace(/\/{2,}/g, "/") || "/";
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Origins compare scheme, host and port; anything unparsable matches nothing. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

export function normaliseOrigin(appUrl: string): string {
  const origin = originOf(appUrl);
  if (!origin) throw new Error(`not an absolute URL: ${appUrl}`);
  return origin;
}

/** Paths whose unsafe requests are authenticated by a secret of their own, never by a cookie. */
function exemptFromOriginCheck(path: string): boolean {
  return under(path, "/api/cron");
}

/** Why a request is not Mesa's own, or null. See the rules at the top of this file. */
export function originRefusal(request: RequestFacts, config: GuardConfig): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const path = pathOf(request.url);
  if (exemptFromOriginCheck(path)) return null;
  const { headers } = request;
  if (header(headers, "authorization") && !header(headers, "cookie")) return null;
  return foreignSource(headers, config);
}

/** The provenance check alone, for any method (the Socket.IO handshake and long-polling use it:
 * a WebSocket is opened with a GET, and browsers always send its Origin). */
export function foreignSource(headers: HeaderSource, config: GuardConfig): Refusal | null {
  const refuse = (detail: string): Refusal => ({ status: 403, code: "cross_origin", detail });
  const origin = header(headers, "origin");
  if (origin !== undefined) {
    return originOf(origin) === config.appOrigin ? null : refuse(`Origin ${origin} is not ${config.appOrigin}`);
  }
  const site = header(headers, "sec-fetch-site")?.toLowerCase();
  if (site !== undefined) return site === "same-origin" || site === "none" ? null : refuse(`Sec-Fetch-Site: ${site}`);
  const referer = header(headers, "referer");
  if (referer !== undefined) return originOf(referer) === config.appOrigin ? null : refuse(`Referer from another origin`);
  return null;
}

export function isUpload(method: string, url: string): boolean {
  return method.toUpperCase() === "POST" && pathOf(url) === "/api/attachments";
}

/** The inbound mail webhook: a raw message of up to INBOUND_EMAIL_MAX_BYTES, counted by the route
 * itself after it checked the secret (app/api/inbound/email/route.ts). */
const isInboundMail = (method: string, url: string) => method.toUpperCase() === "POST" && pathOf(url) === "/api/inbound/email";

/** A REST reply, which may be multipart with files: the route refuses a declared size over the
 * attachment policy's limit unread, and counts an undeclared one as it arrives (server/rest/request-body.ts). */
const isRestReply = (method: string, url: string) =>
  method.toUpperCase() === "POST" && /^\/tickets\/api\/tickets\/[^/]+\/reply\/?$/.test(pathOf(url));

/** The largest body this route accepts, or null when the route enforces its own (uploads, inbound mail, REST replies). */
export function bodyLimitFor(method: string, url: string): number | null {
  if (isUpload(method, url) || isInboundMail(method, url) || isRestReply(method, url)) return null;
  const path = pathOf(url);
  return under(path, "/api/trpc") || under(path, "/tickets/api") || under(path, "/api/token") ? TRPC_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

export function tooLarge(limit: number): Refusal {
  return { status: 413, code: "payload_too_large", detail: `The request body is larger than ${limit} bytes` };
}

/** A declared Content-Length over the route's limit. */
export function declaredSizeRefusal(request: RequestFacts): Refusal | null {
  const limit = bodyLimitFor(request.method, request.url);
  if (limit === null) return null;
  const declared = header(request.headers, "content-length");
  if (declared === undefined || !/^\d+$/.test(declared.trim())) return null;
  return Number(declared) > limit ? tooLarge(limit) : null;
}

/** Whether an upload request is the app's upload code (see the top of this file). */
export function uploadRefusal(headers: HeaderSource): Refusal | null {
  const type = (header(headers, "content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type !== "application/octet-stream") {
    return { status: 415, code: "not_an_upload", detail: `Uploads are sent as application/octet-stream, not ${type || "no type"}` };
  }
  if (!header(headers, "x-mesa-locale")) return { status: 403, code: "not_an_upload", detail: "Not sent by Mesa's upload code" };
  return null;
}

/** Everything decidable from the request line and headers, in order; null when it may go on (its
 * body still counted against bodyLimitFor when it has no Content-Length). */
export function guardRequest(request: RequestFacts, config: GuardConfig): Refusal | null {
  return (
    originRefusal(request, config) ??
    (isUpload(request.method, request.url) ? uploadRefusal(request.headers) : null) ??
    declaredSizeRefusal(request)
  );
}
