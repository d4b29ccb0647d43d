// RFC 9457 problem details: every REST error is `application/problem+json` with a translated
// `title`/`detail`, the HTTP `status`, a stable `code`, and for invalid input `errors` per field
// (snake_case paths as the client sent them). Domain errors (AppError), tRPC errors from the
// procedures and zod errors at the edge all end here, so a client sees one shape.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors/app-error";
import { databaseRefusal } from "../errors/database-error";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { formatError, zodFieldErrors } from "../trpc/error-format";

export interface Problem {
  status: number;
  /** unauthenticated, forbidden, not_found, invalid_input, conflict, rate_limited, … */
  code: string;
  detail: string;
  errors?: Record<string, string>;
}

const statusOf: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
};

/** Renames a procedure's field path to the REST body's (departmentId → department). */
export type FieldRenames = Record<string, string>;

/** The problem a thrown value means, in the caller's language. Unknown errors are a 500 that says nothing. */
export function problemOf(thrown: unknown, locale: AppLocale, renames?: FieldRenames): Problem {
  const t = translator(locale);
  if (thrown instanceof ZodError)
    return { status: 400, code: "invalid_input", detail: t("Errors.invalid_input"), errors: zodFieldErrors(thrown, locale, renames) };
  const domain = thrown instanceof AppError ? thrown : thrown instanceof TRPCError ? undefined : databaseRefusal(thrown);
  if (domain) return { status: statusOf[domain.code], code: domain.code, detail: t(`Errors.${domain.messageKey}`, domain.values) };
  if (thrown instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(thrown);
    if (thrown.cause instanceof ZodError)
      return {
        status: 400,
        code: "invalid_input",
        detail: t("Errors.invalid_input"),
        errors: zodFieldErrors(thrown.cause, locale, renames),
      };
    const formatted = formatError(thrown, locale);
    const code = thrown.cause instanceof AppError ? thrown.cause.code : status === 500 ? "internal" : thrown.code.toLowerCase();
    if (status === 500) console.error(thrown.cause ?? thrown);
    return { status, code, detail: formatted.message };
  }
  console.error(thrown);
  return { status: 500, code: "internal", detail: t("Errors.internal") };
}

/** A problem the REST layer states itself (a missing token, a body that is not JSON, …). */
export function problem(status: number, code: string, locale: AppLocale, key: string, errors?: Record<string, string>): Problem {
  return { status, code, detail: translator(locale)(key), ...(errors ? { errors } : {}) };
}

const titled = ["unauthenticated", "forbidden", "not_found", "invalid_input", "conflict", "rate_limited"];

export function problemResponse(p: Problem, locale: AppLocale, headers: Record<string, string> = {}): Response {
  const generic = p.status >= 500 ? "internal" : (titled.find((code) => code === p.code) ?? "invalid_input");
  const title = translator(locale)(`Errors.${generic}`);
  const body = { type: "about:blank", title, status: p.status, code: p.code, detail: p.detail, ...(p.errors ? { errors: p.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { "content-type": "application/problem+json", "content-language": locale, ...headers },
  });
}
