// The input sanitation layer, piece by piece (tests/security/fuzz.int.test.ts drives it as a whole):
// what each database refusal of bad input looks like on this backend (PGlite or PostgreSQL, both
// through their Prisma driver adapter) and the domain error it becomes; the one error mapping of
// the tRPC layer, for answers and for streams; the NUL scan at the edge; and all of it over HTTP,
// translated.
import { TRPCClientError } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { databaseRefusal } from "../../server/errors/database-error";
import { formatError } from "../../server/trpc/error-format";
import { createCallerFactory, publicProcedure, router } from "../../server/trpc/init";
import type { AppRouter } from "../../server/trpc/router";
import { callerFor, failure, makeUser, signedIn } from "../support/factories";
import { httpClient, sessionCookie, useDatabase } from "../support/http";
import { message } from "../support/messages";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
let departmentId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  useDatabase(database);
  departmentId = (await db.department.create({ data: { name: `D ${randomUUID()}`, slug: `d-${randomUUID()}` } })).id;
});
afterAll(async () => {
  useDatabase(undefined);
  await database?.close();
});

const refusalOf = async (promise: Promise<unknown>) => {
  const error = await failure(promise);
  const refusal = databaseRefusal(error);
  return refusal && { code: refusal.code, key: refusal.messageKey, prisma: (error as { code?: string }).code };
};

describe("database refusals of bad input", () => {
  it.each([
    [
      "a NUL byte in text",
      () => db.department.create({ data: { name: "a\u0000b", slug: `x-${randomUUID()}` } }),
      "invalid_input",
      "invalidCharacters",
      "P2039",
    ],
    [
      "a NUL byte in a filter",
      () => db.department.findFirst({ where: { name: "a\u0000b" } }),
      "invalid_input",
      "invalidCharacters",
      "P2039",
    ],
    ["a NUL escape in jsonb", () => db.$queryRawUnsafe(`SELECT '"a\\u0000b"'::jsonb`), "invalid_input", "invalidCharacters", "P2010"],
    ["an integer beyond int4", () => db.department.findUnique({ where: { id: 2 ** 31 } }), "invalid_input", "valueOutOfRange", "P2020"],
    ["a timestamp out of range", () => db.$queryRawUnsafe(`SELECT '294277-01-01'::timestamptz`), "invalid_input", "invalidDate", "P2010"],
    ["a malformed timestamp", () => db.$queryRawUnsafe(`SELECT 'garbage'::timestamptz`), "invalid_input", "invalidDate", "P2010"],
    ["a malformed uuid", () => db.user.findUnique({ where: { id: "not-a-uuid" } }), "invalid_input", "invalid_input", "P2007"],
    [
      "a reference to nothing",
      () => db.category.create({ data: { departmentId: 999_999, name: "x", slug: "x" } }),
      "invalid_input",
      "invalidReference",
      "P2003",
    ],
    [
      "a duplicate",
      () =>
        db.department
          .create({ data: { name: `Dup ${departmentId}`, slug: `dup-${departmentId}` } })
          .then(() => db.department.create({ data: { name: `Dup ${departmentId}`, slug: `dup2-${departmentId}` } })),
      "conflict",
      "alreadyExists",
      "P2002",
    ],
    [
      "an update of a missing row",
      () => db.department.update({ where: { id: 999_999 }, data: { name: "q" } }),
      "not_found",
      "not_found",
      "P2025",
    ],
    ["a missing row asked for", () => db.department.findUniqueOrThrow({ where: { id: 999_999 } }), "not_found", "not_found", "P2025"],
  ] as const)("%s is the domain error it means", async (_, provoke, code, key, prisma) => {
    expect(await refusalOf(provoke())).toEqual({ code, key, prisma });
  });

  it("any other failure stays unknown (an internal error)", async () => {
    expect(await refusalOf(db.$queryRawUnsafe("SELECT FROM nowhere_at_all"))).toBeUndefined();
    expect(databaseRefusal(new Error("connection refused"))).toBeUndefined();
    expect(databaseRefusal({ code: "23505" })).toBeUndefined(); // a bare object is no database error
  });

  it("the drivers' own errors without Prisma carry the SQLSTATE as code", () => {
    const pgError = Object.assign(new Error("duplicate key value"), { name: "error", code: "23505", severity: "ERROR" });
    expect(databaseRefusal(pgError)).toMatchObject({ code: "conflict", messageKey: "alreadyExists" });
    const adapterError = Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { originalCode: "22021", kind: "postgres" } });
    expect(databaseRefusal(adapterError)).toMatchObject({ code: "invalid_input", messageKey: "invalidCharacters" });
  });
});

describe("the one error mapping of the tRPC layer", () => {
  const probe = router({
    missingRow: publicProcedure.mutation(({ ctx }) => ctx.db.department.update({ where: { id: 999_999 }, data: { name: "x" } })),
    nulByte: publicProcedure.mutation(({ ctx }) => ctx.db.department.create({ data: { name: "a\u0000", slug: randomUUID() } })),
    broken: publicProcedure.query(() => {
      throw new Error("a bug");
    }),
    stream: publicProcedure.mutation(async function* () {
      yield 1;
      throw new AppError("not_found", "ticketNotFound");
    }),
    streamDb: publicProcedure.mutation(async function* ({ ctx }) {
      yield 1;
      await ctx.db.department.findUnique({ where: { id: 2 ** 40 } });
    }),
    /** No schema at all: only the scan at the edge stands between the input and the resolver. */
    echo: publicProcedure.input((value: unknown) => value).mutation(({ input }) => input),
  });
  const call = () => createCallerFactory(probe)({ db, user: null, locale: "es", now: new Date() });
  const trpcError = async (promise: Promise<unknown>) => {
    const error = await failure(promise);
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  };
  const drain = async (iterable: AsyncIterable<unknown>) => {
    for await (const chunk of iterable) void chunk;
  };

  it("a database refusal is a translated 4xx, anything else a 500 that tells nothing", async () => {
    const missing = await trpcError(call().missingRow());
    expect(missing.code).toBe("NOT_FOUND");
    expect(formatError(missing, "es")).toMatchObject({ message: message("es", "Errors.not_found"), appCode: "not_found" });
    const nul = await trpcError(call().nulByte());
    expect(nul.code).toBe("BAD_REQUEST");
    expect(formatError(nul, "fr").message).toBe(message("fr", "Errors.invalidCharacters"));
    const broken = await trpcError(call().broken());
    expect(broken.code).toBe("INTERNAL_SERVER_ERROR");
    expect(formatError(broken, "pt").message).toBe(message("pt", "Errors.internal"));
  });

  it("errors thrown while a procedure streams are mapped the same way", async () => {
    expect((await trpcError(drain(await call().stream()))).code).toBe("NOT_FOUND");
    expect((await trpcError(drain(await call().streamDb()))).code).toBe("BAD_REQUEST");
  });

  it("text with a NUL byte anywhere in the raw input is refused before any schema, with the field's message", async () => {
    for (const input of ["\u0000", { deep: { list: ["ok", "a\u0000b"] } }, { ["key\u0000"]: 1 }, new Map([["k", "v\u0000"]])]) {
      const error = await trpcError(call().echo(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      const formatted = formatError(error, "es");
      expect(formatted.message).toBe(message("es", "Errors.invalid_input"));
      expect(Object.values(formatted.fieldErrors ?? {})).toEqual([message("es", "Validation.invalidCharacters")]);
    }
    expect(formatError(await trpcError(call().echo({ deep: { list: ["ok", "a\u0000b"] } } as never)), "en").fieldErrors).toEqual({
      "deep.list.1": message("en", "Validation.invalidCharacters"),
    });
    // Text without NUL, however odd, goes through untouched.
    const odd = { s: "\u202Eevil\u202C e\u0301 👩‍👩‍👧‍👦 \t\n", n: [1, 2], d: new Date(0) };
    expect(await call().echo(odd as never)).toEqual(odd);
  });

  it("an input nested or sized beyond any real one is refused whole", async () => {
    let deep: unknown = "x";
    for (let i = 0; i < 500; i++) deep = { a: deep };
    expect((await trpcError(call().echo(deep as never))).code).toBe("BAD_REQUEST");
    expect((await trpcError(call().echo(Array.from({ length: 200_000 }, () => 0) as never))).code).toBe("BAD_REQUEST");
  });
});

describe("over HTTP", () => {
  async function browser(locale: "es" | "en" | "pt" | "fr") {
    const user = await makeUser(db, { locale });
    return { user, cookie: await sessionCookie(user.id, await createSession(db, user.id, new Date())) };
  }
  const clientError = async (promise: Promise<unknown>) => {
    const error = await failure(promise);
    expect(error).toBeInstanceOf(TRPCClientError);
    return error as TRPCClientError<AppRouter>;
  };

  it("a NUL byte in a profile name is a 400 with the field's message in the person's language, and nothing changes", async () => {
    const { user, cookie } = await browser("pt");
    const error = await clientError(httpClient({ cookie }).profile.update.mutate({ name: "Ana\u0000" }));
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { name: message("pt", "Validation.invalidCharacters") },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("an anonymous registration with a NUL in the name is a 400, not a 500", async () => {
    const error = await clientError(
      httpClient({ "accept-language": "fr" }).auth.register.mutate({
        name: "\u0000",
        email: `nul-${randomUUID()}@example.test`,
        password: "a fresh password 123",
        locale: "fr",
      }),
    );
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { name: message("fr", "Validation.invalidCharacters") },
    });
  });

  it("ids beyond int4 and call windows outside the sane years are refused by the shared fields", async () => {
    const { cookie } = await browser("es");
    const list = await clientError(httpClient({ cookie }).tickets.list.query({ departmentId: [2 ** 31] }));
    expect(list.data).toMatchObject({ httpStatus: 400, fieldErrors: { "departmentId.0": message("es", "Validation.invalid") } });
    const call = await clientError(
      httpClient({ cookie }).tickets.requestCall.mutate({
        ticket: "TK-000001",
        phone: "+34 600 000 000",
        windowStart: new Date("0000-01-01T00:00:00Z"),
        windowEnd: new Date(8.64e15),
      }),
    );
    expect(call.data).toMatchObject({
      httpStatus: 400,
      fieldErrors: { windowStart: message("es", "Validation.invalidDate"), windowEnd: message("es", "Validation.invalidDate") },
    });
  });
});

describe("admin procedures naming what does not exist", () => {
  it("answer 404 or 400 with a message that says what is missing", async () => {
    const admin = callerFor(db, await signedIn(db, (await makeUser(db, { role: "admin" })).id), "en");
    const code = async (promise: Promise<unknown>) => {
      const error = (await failure(promise)) as TRPCError;
      return [error.code, (error.cause as AppError).messageKey];
    };
    const nowhere = randomUUID();
    expect(await code(admin.organizations.members({ organizationId: nowhere }))).toEqual(["NOT_FOUND", "organizationUnknown"]);
    expect(
      await code(admin.organizations.invite({ organizationId: nowhere, email: `x-${randomUUID()}@example.test`, locale: "en" })),
    ).toEqual(["NOT_FOUND", "organizationUnknown"]);
    expect(await code(admin.admin.users.setPermission({ userId: nowhere, permission: "view_sensitive", granted: true }))).toEqual([
      "NOT_FOUND",
      "userUnknown",
    ]);
    const category = await db.category.create({ data: { departmentId, name: "General", slug: `general-${randomUUID()}` } });
    const ticket = { type: "incident", departmentId, categoryId: category.id, subject: "Hello", description: "Hello there" } as const;
    expect(await code(admin.tickets.create({ ...ticket, organizationId: nowhere }))).toEqual(["BAD_REQUEST", "organizationUnknown"]);
    expect(await code(admin.tickets.create({ ...ticket, serviceIds: [nowhere] }))).toEqual(["BAD_REQUEST", "serviceNotInOrganization"]);
    expect(await db.ticket.count()).toBe(0);
  });
});
