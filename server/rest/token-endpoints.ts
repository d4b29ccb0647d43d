// POST /api/token/ {email, password} → {access, refresh} and POST /api/token/refresh/ {refresh} →
// {access, refresh}. Signing in goes through the sign-in form's use-case, so it is throttled the
// same way (per address, per account); errors are problem+json in the Accept-Language.
import { z } from "zod";
import { issueTokenPair, refreshTokenPair } from "../api-auth/token-pair";
import { ACCESS_TTL_SECONDS } from "../api-auth/access-jwt";
import { signInWithPassword } from "../auth/sign-in";
import { getDb } from "../db";
import { negotiateLocale } from "../i18n/locales";
import { problemOf, problemResponse } from "./problem";
import { readBody } from "./request-body";

export const signInBody = z
  .object({ email: z.string().min(1).max(1024), password: z.string().min(1).max(1024) })
  .meta({ id: "TokenRequest" });
export const refreshBody = z.object({ refresh: z.string().min(1).max(1024) }).meta({ id: "TokenRefresh" });
export const tokenPairShape = z
  .object({
    access: z.string().describe(`A JWT, valid ${ACCESS_TTL_SECONDS / 60} minutes: send it as Authorization: Bearer …`),
    refresh: z.string().describe("Single use: POST it to /api/token/refresh/ for a new pair"),
  })
  .meta({ id: "TokenPair" });

async function answer(request: Request, run: (body: unknown) => Promise<unknown>): Promise<Response> {
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const body = await readBody(request, { multipart: false }, locale, async () => 0);
  if (!body.ok) return problemResponse(body.problem, locale);
  try {
    return Response.json(await run(body.value), { headers: { "cache-control": "no-store", "content-language": locale } });
  } catch (thrown) {
    return problemResponse(problemOf(thrown, locale), locale);
  }
}

export const signInForTokens = (request: Request) =>
  answer(request, async (raw) => {
    const { email, password } = signInBody.parse(raw ?? {});
    const now = new Date();
    const user = await signInWithPassword(getDb(), { email, password, ip: request.headers.get("x-mesa-client-ip") ?? undefined }, now);
    return issueTokenPair(getDb(), user.id, now);
  });

export const refreshTokens = (request: Request) =>
  answer(request, async (raw) => refreshTokenPair(getDb(), refreshBody.parse(raw ?? {}).refresh, new Date()));
