// Domain errors as plain HTTP answers (for the route handlers outside tRPC: uploads, downloads):
// the status tRPC would use, and the message in the caller's language.
import { AppError } from "./app-error";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";

const statuses = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid_input: 400, conflict: 409, rate_limited: 429 } as const;

export function errorResponse(error: unknown, locale: AppLocale): Response {
  const t = translator(locale);
  if (error instanceof AppError) {
    return Response.json({ error: t(`Errors.${error.messageKey}`, error.values), code: error.code, key: error.messageKey }, { status: statuses[error.code] });
  }
  console.error("[http] request failed", error);
  return Response.json({ error: t("Errors.internal"), code: "internal" }, { status: 500 });
}
