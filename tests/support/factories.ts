// Test data built with the same helpers as the demo seed; every email is unique to its test.
import { randomUUID } from "node:crypto";
import type { Db } from "../../server/db";
import type { UserRole } from "../../server/db/generated/enums";
import type { AppLocale } from "../../server/i18n/locales";
import { type Principal } from "../../server/access/principal";
import { createSession, loadSessionPrincipal } from "../../server/auth/sessions";
import { createCaller } from "../../server/trpc/router";
import { dispatchPending } from "../../server/after-commit/dispatcher";
import { upsertUser } from "../../server/seed/demo";

export const PASSWORD = "correct horse battery";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** An activated user with PASSWORD (or `password`) and ticketing access. */
export const makeUser = (
  db: Db,
  options: { role?: UserRole; locale?: AppLocale; password?: string; label?: string; departmentIds?: number[] } = {},
) =>
  upsertUser(db, {
    email: uniqueEmail(options.label ?? options.role ?? "user"),
    name: `Test ${options.label ?? options.role ?? "user"}`,
    role: options.role,
    locale: options.locale,
    password: options.password ?? PASSWORD,
    departmentIds: options.departmentIds,
  });

/** Signs the user in the way next-auth does (a Session row) and loads them as the procedures see them. */
export async function signedIn(db: Db, userId: string, now = new Date()): Promise<SignedIn> {
  const sessionId = await createSession(db, userId, now);
  const user = await loadSessionPrincipal(db, sessionId, now);
  if (!user) throw new Error(`user ${userId} could not be loaded from a new session`);
  return Object.assign(user, { sessionId });
}

/** A principal that came through a web session, with that session's id at hand for the tests. */
export type SignedIn = Principal & { sessionId: string };

/** Calls procedures as `user` would. Each call is a request of its own at the current time, unless
 * a fixed clock `now` is given. Like the server process, whose dispatcher runs as each change
 * commits, every call is followed by the after-commit work it queued (SLA deadlines, live
 * announcements, mail), so a test reads the state a user would see next. */
export const callerFor = (db: Db, user: Principal | null, locale: AppLocale = "en", now?: Date) =>
  thenDispatch(
    createCaller(() => ({ db, user, locale, now: now ?? new Date() })),
    () => dispatchPending(db),
  );

/** Wraps tRPC's caller proxy so that every procedure call, once settled, is followed by `after`. */
function thenDispatch<T extends object>(node: T, after: () => Promise<unknown>): T {
  return new Proxy(node, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key);
      return typeof key === "symbol" || key === "then" || value === null || (typeof value !== "function" && typeof value !== "object")
        ? value
        : thenDispatch(value as object, after);
    },
    apply: (target, self, args) => {
      const settled = (async () => {
        try {
          return await Reflect.apply(target as (...a: unknown[]) => unknown, self, args);
        } finally {
          await after();
        }
      })();
      // A test may start several calls and await them one by one, as it could with tRPC's own
      // promises: a refusal settling (later, after the dispatch) while an earlier call is awaited
      // is not an unhandled rejection. The caller still receives it.
      settled.catch(() => {});
      return settled;
    },
  });
}

/** A ticket of the demo's Acme Hosting in Soporte Técnico (its first category), opened by `requester`. */
export async function openAcmeTicket(db: Db, requester: Principal, subject: string, description: string) {
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  return callerFor(db, requester).tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    organizationId: acme.id,
    serviceIds: [],
    watcherIds: [],
    subject,
    description,
  });
}

/** Awaits a promise that must fail and returns its error, so a test can assert on it. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
