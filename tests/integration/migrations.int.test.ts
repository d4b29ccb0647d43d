// The migration runner applied at every start: all migrations on a new database, nothing on the
// next start, and the data left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, type SqlSession } from "../../server/db/migrate";
import type { Db } from "../../server/db";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ fromScratch: true });
});
afterAll(() => database?.close());

/** The runner on one connection of the database under test (the advisory lock is per connection). */
const migrateAgain = (db: Db) =>
  db.$transaction(async (tx) => {
    const session: SqlSession = {
      exec: (sql) => tx.$executeRawUnsafe(sql),
      query: async <T>(sql: string, params: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<T[]>(sql, ...params) }),
    };
    return migrate(session);
  });

describe(`migrations (${process.env.TEST_DB_BACKEND ?? "pglite"})`, () => {
  it("a new database gets every migration, in order", async () => {
    const all = await listMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(all).toEqual([...all].sort());
    expect(database.fresh).toBe(true);
    expect(database.applied).toEqual(all);
    const recorded = await database.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM _mesa_migrations ORDER BY name`);
    expect(recorded.map((r) => r.name)).toEqual(all);
  });

  it("running them again applies nothing and keeps the data", async () => {
    const department = await database.db.department.create({ data: { name: "Migration check", slug: "migration-check" } });
    expect(await migrateAgain(database.db)).toEqual([]);
    expect(await database.db.department.findUnique({ where: { id: department.id } })).toMatchObject({ name: "Migration check" });
    const recorded = await database.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*)::int AS n FROM _mesa_migrations`);
    expect(Number(recorded[0]?.n)).toBe((await listMigrations()).length);
  });
});
