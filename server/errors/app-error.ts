// The one domain error. Use-cases throw it with a code and a message key (under "Errors" in
// messages/*.json); the tRPC layer maps the code and renders the key in the caller's language.
// Keys are checked against the English catalogue: a key missing there fails the type check.
import type en from "../../messages/en.json";

/** A message under "Errors" in messages/en.json (the other languages have the same keys: tests/unit/messages.test.ts). */
export type ErrorKey = keyof (typeof en)["Errors"];

export const errorCodes = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  invalid_input: "BAD_REQUEST",
  conflict: "CONFLICT",
  rate_limited: "TOO_MANY_REQUESTS",
} as const;
/** Each code is also a message key: the default below type-checks only while it is one. */
export type AppErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    /** Key under "Errors", e.g. "emailTaken". */
    readonly messageKey: ErrorKey = code,
    /** Dates are written in the caller's language and time zone (server/trpc/error-format.ts). */
    readonly values?: Record<string, string | number | Date>,
  ) {
    super(`${code}: ${messageKey}`);
  }
}
