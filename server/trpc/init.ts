// tRPC's one instance and the procedure ladder: public → protected → agent → admin, plus
// permission(...) checks. Domain errors become tRPC errors here, once.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
// ZodRealError: the ZodError that is an Error (what .parse() throws), so tRPC keeps it as the cause.
import { ZodRealError } from "zod";
import { AppError, errorCodes } from "../errors/app-error";
import { databaseRefusal } from "../errors/database-error";
import { scanRawInput } from "../validation/raw-input";
import type { Permission } from "../db/generated/enums";
import { isStaff } from "../access/principal";
import type { Context } from "./context";
import { formatError } from "./error-format";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const formatted = formatError(error, ctx?.locale, ctx?.user?.timeZone);
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(error.cause ?? error);
    return {
      ...shape,
      message: formatted.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, appCode: formatted.appCode, fieldErrors: formatted.fieldErrors },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The domain error a failure means: an AppError, or a database refusal of bad input (a row that is
 * not there, a broken reference, a duplicate, a value PostgreSQL cannot hold: server/errors/database-error.ts).
 * Anything else stays an internal error (logged by the error formatter). */
function domainErrorOf(error: TRPCError): AppError | undefined {
  if (error.cause instanceof AppError) return error.cause;
  return error.code === "INTERNAL_SERVER_ERROR" ? databaseRefusal(error.cause) : undefined;
}

const asTRPCError = (cause: AppError) => new TRPCError({ code: errorCodes[cause.code], message: cause.messageKey, cause });

/** The same for what a streaming procedure (an async generator) throws while it streams. */
async function* streamingDomainErrors(iterable: AsyncIterable<unknown>): AsyncGenerator<unknown, unknown> {
  try {
    return yield* iterable;
  } catch (thrown) {
    const cause = thrown instanceof TRPCError ? domainErrorOf(thrown) : thrown instanceof AppError ? thrown : databaseRefusal(thrown);
    throw cause ? asTRPCError(cause) : thrown;
  }
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  !!value && typeof value === "object" && Symbol.asyncIterator in value;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = domainErrorOf(result.error);
    if (cause) throw asTRPCError(cause);
  } else if (isAsyncIterable(result.data)) {
    return { ...result, data: streamingDomainErrors(result.data) };
  }
  return result;
});

/** Defence in depth before any schema: text with a NUL byte anywhere in the raw input (or an input
 * nested or sized beyond any real one) is refused with the shared fields' message, so a schema
 * that forgets the shared text fields is still covered. */
const cleanInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = scanRawInput(await getRawInput());
  if (problem) {
    const [message, path] = problem.kind === "nul" ? ["Validation.invalidCharacters", problem.path] : ["Validation.invalid", []];
    throw new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path, message, input: undefined }]) });
  }
  return next();
});

const deny = (code: "unauthenticated" | "forbidden") => {
  const cause = new AppError(code);
  return new TRPCError({ code: errorCodes[code], message: code, cause });
};

export const publicProcedure = t.procedure.use(domainErrors).use(cleanInput);

export const protectedProcedure = publicProcedure.use(({ ctx, next, type }) => {
  if (!ctx.user) throw deny("unauthenticated");
  // A read-only API token reads; any change, through any procedure, is refused here once.
  if (type === "mutation" && ctx.user.source.kind === "api_token" && ctx.user.source.scope === "read") {
    const cause = new AppError("forbidden", "tokenReadOnly");
    throw new TRPCError({ code: errorCodes.forbidden, message: "tokenReadOnly", cause });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Agents and admins only (usable on any signed-in procedure). */
export const staffOnly = t.middleware(({ ctx, next }) => {
  if (!ctx.user || !isStaff(ctx.user)) throw deny("forbidden");
  return next();
});

export const agentProcedure = protectedProcedure.use(staffOnly);

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw deny("forbidden");
  return next();
});

/** `protectedProcedure.use(permission("can_access_ticketing"))`; admins hold every permission. */
export const permission = (needed: Permission) =>
  t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw deny("unauthenticated");
    if (ctx.user.role !== "admin" && !ctx.user.permissions.includes(needed)) throw deny("forbidden");
    return next();
  });
