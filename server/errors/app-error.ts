// The one domain error. Use-cases throw it with a code and a message key (under "Errors" in
// messages/*.json); the tRPC layer maps the code and renders the key in the caller's language.
export const errorCodes = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  invalid_input: "BAD_REQUEST",
  conflict: "CONFLICT",
  rate_limited: "TOO_MANY_REQUESTS",
} as const;
export type AppErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    /** Key under "Errors", e.g. "emailTaken". */
    readonly messageKey: string = code,
    readonly values?: Record<string, string | number>,
  ) {
    super(`${code}: ${messageKey}`);
  }
}
