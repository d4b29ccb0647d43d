// Renders every tRPC error in the caller's language: domain errors by their key, input errors field
// by field (zod messages are "Validation.*" keys), and nothing internal leaks out.
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "../errors/app-error";
import { defaultLocale, type AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";

export function translateValidation(locale: AppLocale, message: string): string {
  const t = translator(locale);
  return t(message.startsWith("Validation.") ? message : "Validation.invalid");
}

/** A zod error's messages, one per field path ("a.b"; "_" for the whole input), translated. */
export function zodFieldErrors(error: ZodError, locale: AppLocale, renames: Record<string, string> = {}): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    fieldErrors[renames[field] ?? field] ??= translateValidation(locale, issue.message);
  }
  return fieldErrors;
}

export function formatError(error: TRPCError, locale: AppLocale = defaultLocale, timeZone?: string) {
  const t = translator(locale, timeZone);
  const cause = error.cause;
  if (cause instanceof AppError) {
    return { message: t(`Errors.${cause.messageKey}`, cause.values), appCode: cause.code, fieldErrors: undefined };
  }
  if (cause instanceof ZodError) {
    return { message: t("Errors.invalid_input"), appCode: "invalid_input" as const, fieldErrors: zodFieldErrors(cause, locale) };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") return { message: t("Errors.internal"), appCode: undefined, fieldErrors: undefined };
  return { message: error.message, appCode: undefined, fieldErrors: undefined };
}
