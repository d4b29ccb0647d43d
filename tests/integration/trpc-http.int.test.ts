// The API over HTTP, through the real route handler with next-auth's cookie: errors arrive in the
// caller's language, field by field for forms.
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db";
import type { AppRouter } from "../../server/trpc/router";
import { PASSWORD, failure, makeUser } from "../support/factories";
import { httpClient, sessionCookie, useDatabase } from "../support/http";
import { message } from "../support/messages";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  useDatabase(database);
});
afterAll(async () => {
  useDatabase(undefined);
  await database?.close();
});

async function browserOf(locale: "es" | "en" | "pt" | "fr") {
  const user = await makeUser(db, { locale });
  const cookie = await sessionCookie(user.id, await createSession(db, user.id, new Date()));
  return { user, cookie };
}

async function clientError(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe("tRPC over HTTP", () => {
  it("the session cookie identifies the caller", async () => {
    const { user, cookie } = await browserOf("en");
    expect(await httpClient({ cookie }).profile.get.query()).toMatchObject({ id: user.id, email: user.email });
  });

  it("a wrong current password is explained in the person's language", async () => {
    const { cookie } = await browserOf("es");
    const error = await clientError(httpClient({ cookie }).profile.changePassword.mutate({ current: "nope", next: "another password" }));
    expect(error.message).toBe(message("es", "Errors.wrongCurrentPassword"));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, appCode: "invalid_input" });
  });

  it("the language of the page wins over the profile's", async () => {
    const { cookie } = await browserOf("es");
    const error = await clientError(
      httpClient({ cookie, "x-mesa-locale": "fr" }).profile.changePassword.mutate({ current: "nope", next: "another password" }),
    );
    expect(error.message).toBe(message("fr", "Errors.wrongCurrentPassword"));
  });

  it("invalid fields come back one by one, translated", async () => {
    const { user, cookie } = await browserOf("es");
    const error = await clientError(
      httpClient({ cookie }).profile.update.mutate({ timeZone: "Mars/Olympus_Mons", phone: "call me", name: "Ok" }),
    );
    expect(error.message).toBe(message("es", "Errors.invalid_input"));
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { timeZone: message("es", "Validation.timeZone"), phone: message("es", "Validation.phone") },
    });
    expect(Object.keys(error.data?.fieldErrors ?? {}).sort()).toEqual(["phone", "timeZone"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("an anonymous visitor is asked to sign in, in the language of their browser", async () => {
    const error = await clientError(httpClient({ "accept-language": "pt-BR,pt;q=0.9,en;q=0.5" }).profile.get.query());
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(error.message).toBe(message("pt", "Errors.unauthenticated"));
  });

  it("a forbidden call says so in the person's language", async () => {
    const { cookie } = await browserOf("fr");
    const error = await clientError(httpClient({ cookie }).admin.users.list.query());
    expect(error.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(error.message).toBe(message("fr", "Errors.forbidden"));
  });

  it("a signed-out session or a forged cookie is anonymous", async () => {
    const { user, cookie } = await browserOf("en");
    await db.session.deleteMany({ where: { userId: user.id } });
    expect((await clientError(httpClient({ cookie }).profile.get.query())).data?.code).toBe("UNAUTHORIZED");
    const forged = cookie.replace(/.{6}$/, "AAAAAA");
    expect((await clientError(httpClient({ cookie: forged }).profile.get.query())).data?.code).toBe("UNAUTHORIZED");
  });

  it("password changes are validated with the same messages as the form", async () => {
    const { cookie } = await browserOf("en");
    const error = await clientError(httpClient({ cookie }).profile.changePassword.mutate({ current: PASSWORD, next: "short" }));
    expect(error.data?.fieldErrors).toEqual({ next: message("en", "Validation.passwordTooShort") });
  });
});
