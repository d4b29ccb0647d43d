// The REST API's one entry (app/tickets/api/[...path] and the app's other REST routes call it):
// finds the operation by method and path, authenticates the bearer token, counts it against the
// token's rate limit, reads and validates the body and query with the operation's zod schemas,
// replays an Idempotency-Key, and runs the operation — which calls the panel's tRPC procedures as
// the token's principal. Every failure is a problem+json answer in the Accept-Language.
import type { z } from "zod";
import { authenticateBearer } from "../api-auth/bearer";
import { getConfig } from "../config/env";
import { getDb } from "../db";
import { loadAttachmentPolicy } from "../files/policy";
import { negotiateLocale, type AppLocale } from "../i18n/locales";
import { contentLocale } from "../i18n/localized";
import { createCaller } from "../trpc/router";
import { claimKey, requestHash, settleKey } from "./idempotency";
import { problem, problemOf, problemResponse } from "./problem";
import { countRequest, rateHeaders } from "./rate-limit";
import { readBody } from "./request-body";
import type { RestResult, RestRoute } from "./route";
import { restRoutes } from "./routes";

interface Match {
  route: RestRoute;
  params: Record<string, string>;
}

const patternOf = (path: string) => new RegExp(`^${path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`);
const compiled = new WeakMap<RestRoute, RegExp>();

function match(routes: RestRoute[], method: string, pathname: string): Match | { allowed: string[] } | null {
  // Seed 003's paths end with a slash; the same path without it is the same operation.
  const path = pathname.endsWith("/") ? pathname : `${pathname}/`;
  const allowed: string[] = [];
  for (const route of routes) {
    let pattern = compiled.get(route);
    if (!pattern) compiled.set(route, (pattern = patternOf(route.path)));
    const found = pattern.exec(path);
    if (!found) continue;
    if (route.method === method)
      return { route, params: Object.fromEntries(Object.entries(found.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}

/** The address clients use (NEXTAUTH_URL), for links in answers; else the request's own. */
function originOf(request: Request): string {
  const configured = getConfig().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

/** Query parameters as zod sees them: repeated ones (and comma lists) become arrays where the schema wants one. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

function validate<T extends z.ZodType>(schema: T | undefined, value: unknown): z.output<T> | undefined {
  return schema ? schema.parse(value ?? {}) : undefined;
}

function jsonResponse(result: Exclude<RestResult, Response>, locale: AppLocale, extra: Record<string, string>): Response {
  const headers = { "content-language": locale, ...extra, ...result.headers };
  if (result.status === 204) return new Response(null, { status: 204, headers });
  return Response.json(result.body, { status: result.status, headers });
}

export interface RestOptions {
  routes?: RestRoute[];
  /** Requests per window per token; default REST_RATE_LIMIT per REST_RATE_WINDOW_SECONDS. */
  rate?: { limit: number; windowSeconds: number };
}

export async function handleRest(request: Request, options: RestOptions = {}): Promise<Response> {
  const routes = options.routes ?? restRoutes;
  const now = new Date();
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const url = new URL(request.url);
  const found = match(routes, request.method.toUpperCase(), url.pathname);
  if (!found) return problemResponse(problem(404, "not_found", locale, "Errors.not_found"), locale);
  if ("allowed" in found)
    return problemResponse(problem(405, "method_not_allowed", locale, "Errors.methodNotAllowed"), locale, {
      allow: found.allowed.join(", "),
    });
  const { route, params } = found;
  const db = getDb();

  const auth = await authenticateBearer(db, request.headers.get("authorization"), now);
  if (!auth.ok) {
    const key =
      auth.reason === "missing" ? "Errors.unauthenticated" : auth.reason === "expired" ? "Errors.tokenExpired" : "Errors.tokenInvalid";
    const challenge = auth.reason === "missing" ? 'Bearer realm="mesa"' : `Bearer realm="mesa", error="invalid_token"`;
    return problemResponse(problem(401, "unauthenticated", locale, key), locale, { "www-authenticate": challenge });
  }
  const config = getConfig();
  const { limit, windowSeconds } = options.rate ?? { limit: config.REST_RATE_LIMIT, windowSeconds: config.REST_RATE_WINDOW_SECONDS };
  const rate = await countRequest(db, auth.tokenKey, now, limit, windowSeconds);
  const limits = rateHeaders(rate, now);
  if (rate.exceeded) return problemResponse(problem(429, "rate_limited", locale, "Errors.rate_limited"), locale, limits);

  const body = await readBody(
    request,
    { multipart: !!route.multipart },
    locale,
    async () => (await loadAttachmentPolicy(db)).maxMessageBytes,
  );
  if (!body.ok) return problemResponse(body.problem, locale, limits);

  let settle: ((status: number, answer: unknown) => Promise<void>) | null = null;
  try {
    const input = {
      params: (validate(route.params, params) ?? {}) as Record<string, string>,
      query: validate(route.query, queryObject(url)),
      body: body.kind === "multipart" ? validate(route.multipart, body.value) : validate(route.body, body.value),
    };
    const idempotencyKey = request.headers.get("idempotency-key");
    if (route.idempotent && idempotencyKey) {
      if (idempotencyKey.length > 255)
        return problemResponse(problem(400, "invalid_input", locale, "Errors.idempotencyKeyInvalid"), locale, limits);
      const claim = await claimKey(db, auth.tokenKey, idempotencyKey, requestHash(route.method, url.pathname, body.raw), now);
      if (claim.kind === "replay")
        return jsonResponse({ status: claim.status, body: claim.body }, locale, { ...limits, "idempotent-replayed": "true" });
      if (claim.kind === "other_body")
        return problemResponse(problem(422, "idempotency_key_reused", locale, "Errors.idempotencyKeyReused"), locale, limits);
      if (claim.kind === "in_progress")
        return problemResponse(problem(409, "conflict", locale, "Errors.idempotencyKeyInProgress"), locale, limits);
      settle = (status, answer) => settleKey(db, claim.key, status, answer);
    }
    // Names (departments, categories) follow Accept-Language; a script that sends none reads them as
    // the deployment writes them (DEFAULT_LOCALE), like seed 003's examples. Errors stay in `locale`.
    const namesLocale = request.headers.get("accept-language") ? locale : contentLocale();
    const api = createCaller({
      db,
      user: auth.principal,
      locale: namesLocale,
      now,
      ip: request.headers.get("x-mesa-client-ip") ?? undefined,
    });
    const result = await route.handle({
      request,
      db,
      principal: auth.principal,
      locale,
      now,
      origin: originOf(request),
      ...input,
      files: body.kind === "multipart" ? body.files : [],
      api,
    });
    if (result instanceof Response) {
      for (const [k, v] of Object.entries(limits)) result.headers.set(k, v);
      return result;
    }
    await settle?.(result.status, result.body);
    return jsonResponse(result, locale, limits);
  } catch (thrown) {
    const p = problemOf(thrown, locale, route.renames);
    await settle?.(p.status, null);
    return problemResponse(p, locale, limits);
  }
}
