// tRPC's one instance and the procedure ladder: public → protected → agent → admin, plus
// permission(...) checks. Domain errors become tRPC errors here, once.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { AppError, errorCodes } from "../errors/app-error";
import type { Permission } from "../db/generated/enums";
import { isStaff } from "../access/principal";
import type { Context } from "./context";
import { formatError } from "./error-format";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const formatted = formatError(error, ctx?.locale);
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

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: errorCodes[cause.code], message: cause.messageKey, cause });
  }
  return result;
});

const deny = (code: "unauthenticated" | "forbidden") => {
  const cause = new AppError(code);
  return new TRPCError({ code: errorCodes[code], message: code, cause });
};

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw deny("unauthenticated");
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
