// Domain errors as plain HTTP answers (for the route handlers outside tRPC: uploads, downloads):
// the status tRPC gives the same error (through errorCodes), and the message in the caller's language.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError, errorCodes } from "./app-error";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";

export function errorResponse(error: unknown, locale: AppLocale): Response {
  const t = translator(locale);
  if (error instanceof AppError) {
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: errorCodes[error.code] }));
    return Response.json({ error: t(`Errors.${error.messageKey}`, error.values), code: error.code, key: error.messageKey }, { status });
  }
  console.error("[http] request failed", error);
  return Response.json({ error: t("Errors.internal"), code: "internal" }, { status: 500 });
}
