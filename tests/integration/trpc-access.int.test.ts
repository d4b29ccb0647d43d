// The procedure ladder: anonymous → signed in → agent → admin. Each rung refuses the ones below.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionPrincipal } from "../../server/auth/sessions";
import type { Db } from "../../server/db";
import { upsertDepartment } from "../../server/seed/demo";
import { callerFor, failure, makeUser, signedIn } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
const people: Record<"partner" | "agent" | "admin", SignedIn> = {} as never;
let supportId: number;
let salesId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  supportId = (await upsertDepartment(db, { name: "Support", slug: "support", categories: ["General"] })).id;
  salesId = (await upsertDepartment(db, { name: "Sales", slug: "sales", categories: ["Quotes"] })).id;
  for (const role of ["partner", "agent", "admin"] as const) {
    const user = await makeUser(db, { role, departmentIds: role === "agent" ? [supportId] : undefined });
    people[role] = await signedIn(db, user.id);
  }
});
afterAll(() => database?.close());

type Who = "anonymous" | "partner" | "agent" | "admin";
const caller = (who: Who) => callerFor(db, who === "anonymous" ? null : people[who]);

async function code(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("procedure ladder", () => {
  it("anyone may ask which sign-in methods exist", async () => {
    expect(await caller("anonymous").auth.providers()).toEqual({ google: false });
  });

  it.each(["profile.get", "queue.departments", "admin.users.list"] as const)("anonymous callers get UNAUTHORIZED from %s", async (path) => {
    const c = caller("anonymous");
    const call = {
      "profile.get": () => c.profile.get(),
      "queue.departments": () => c.queue.departments(),
      "admin.users.list": () => c.admin.users.list(),
    }[path];
    expect(await code(call())).toBe("UNAUTHORIZED");
  });

  it("a partner sees their profile but neither the queue nor user administration", async () => {
    const c = caller("partner");
    expect(await c.profile.get()).toMatchObject({ id: people.partner.id, isStaff: false, canAccessTicketing: true });
    expect(await code(c.queue.departments())).toBe("FORBIDDEN");
    expect(await code(c.admin.users.list())).toBe("FORBIDDEN");
  });

  it("a partner cannot grant themselves a permission", async () => {
    const c = caller("partner");
    const attempt = c.admin.users.setPermission({ userId: people.partner.id, permission: "view_sensitive", granted: true });
    expect(await code(attempt)).toBe("FORBIDDEN");
    expect((await loadSessionPrincipal(db, people.partner.sessionId, new Date()))?.permissions).not.toContain("view_sensitive");
  });

  it("an agent works the queues of their own departments but cannot administer users", async () => {
    const c = caller("agent");
    expect((await c.queue.departments()).map((d) => d.id)).toEqual([supportId]);
    expect((await c.profile.get()).isStaff).toBe(true);
    expect(await code(c.admin.users.list())).toBe("FORBIDDEN");
    expect(await code(c.admin.users.setPermission({ userId: people.agent.id, permission: "view_sensitive", granted: false }))).toBe(
      "FORBIDDEN",
    );
  });

  it("an admin sees every department and every user", async () => {
    const c = caller("admin");
    expect((await c.queue.departments()).map((d) => d.id)).toEqual([supportId, salesId]);
    const emails = (await c.admin.users.list()).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(Object.values(people).map((p) => p.email)));
    expect(emails).toEqual([...emails].sort());
  });

  it("an admin withdraws and grants ticketing access, and the person's next request sees it", async () => {
    const c = caller("admin");
    const target = await makeUser(db);
    const session = await signedIn(db, target.id);
    await c.admin.users.setPermission({ userId: target.id, permission: "can_access_ticketing", granted: false });
    expect((await callerFor(db, await loadSessionPrincipal(db, session.sessionId, new Date())).profile.get()).canAccessTicketing).toBe(
      false,
    );
    await c.admin.users.setPermission({ userId: target.id, permission: "can_access_ticketing", granted: true });
    await c.admin.users.setPermission({ userId: target.id, permission: "can_access_ticketing", granted: true });
    expect((await callerFor(db, await loadSessionPrincipal(db, session.sessionId, new Date())).profile.get()).canAccessTicketing).toBe(
      true,
    );
  });

  it("an admin's permission change is validated", async () => {
    const c = caller("admin");
    expect(await code(c.admin.users.setPermission({ userId: "not-a-uuid", permission: "view_sensitive", granted: true }))).toBe(
      "BAD_REQUEST",
    );
    expect(await code(c.admin.users.setPermission({ userId: people.partner.id, permission: "root" as never, granted: true }))).toBe(
      "BAD_REQUEST",
    );
  });
});
