// A fresh, migrated database per test file: in-memory PGlite by default (a copy of the dump made by
// tests/support/pglite-snapshot.ts, so it reports fresh: false and applied: []); on the PostgreSQL server
// of TEST_DATABASE_URL when the Vitest project asks for it (TEST_DB_BACKEND=postgresql, see
// vitest.config.ts). On PostgreSQL it is a uniquely named database, dropped by close(); when the
// role may not create databases, a uniquely named schema in TEST_DATABASE_URL's database instead.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { migrationsDir, listMigrations } from "../../server/db/migrate";
import { openDatabase, type OpenedDatabase } from "../../server/db/open";

export type Backend = "pglite" | "postgresql";

export interface TestDatabase extends OpenedDatabase {
  backend: Backend;
}

export function testBackend(): Backend {
  const backend = process.env.TEST_DB_BACKEND ?? "pglite";
  if (backend !== "pglite" && backend !== "postgresql") throw new Error(`TEST_DB_BACKEND: unknown backend "${backend}"`);
  return backend;
}

/** `fromScratch`: run initdb and every migration even on PGlite (the migration tests need that). */
export async function createTestDatabase(options: { fromScratch?: boolean } = {}): Promise<TestDatabase> {
  if (testBackend() === "pglite") {
    const snapshotFile = options.fromScratch ? undefined : inject("pgliteSnapshot");
    const snapshot = snapshotFile ? new Blob([await readFile(snapshotFile)]) : undefined;
    return { ...(await openDatabase({ memory: true, snapshot })), backend: "pglite" };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB_BACKEND=postgresql needs TEST_DATABASE_URL");
  const name = `mesa_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const { url, drop } = await createIsolated(serverUrl, name);
  try {
    const opened = await openDatabase({ url });
    return {
      ...opened,
      backend: "postgresql",
      close: async () => {
        await opened.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** A brand-new database on the server, or a brand-new schema when CREATE DATABASE is refused. */
async function createIsolated(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  try {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const drop = () =>
      admin(async (c) => {
        // The pool's connections may still be closing when close() returns: let them go first, as
        // a forced drop would kill them mid-way and their client would throw.
        for (let i = 0; i < 100; i++) {
          const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
          if (!rows[0]?.n) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    return { url: url.toString(), drop };
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error; // 42501: insufficient_privilege
  }
  // Extensions are per database and live in one schema: put those the migrations create in
  // public (which follows the test schema in the search path), so dropping a test schema never
  // takes them away from the others.
  await admin(async (c) => {
    await c.query("BEGIN");
    await c.query("SELECT pg_advisory_xact_lock(7441002)");
    for (const ext of await migrationExtensions()) await c.query(`CREATE EXTENSION IF NOT EXISTS "${ext}" WITH SCHEMA public`);
    await c.query(`CREATE SCHEMA "${name}"`);
    await c.query("COMMIT");
  });
  const url = new URL(serverUrl);
  url.searchParams.set("schema", name);
  return { url: url.toString(), drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)).then(() => {}) };
}

async function migrationExtensions(): Promise<string[]> {
  const names = new Set<string>();
  for (const migration of await listMigrations()) {
    const sql = await readFile(path.join(migrationsDir, migration, "migration.sql"), "utf8");
    for (const m of sql.matchAll(/CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi)) names.add(m[1]!);
  }
  return [...names];
}

/** A fresh database for the whole test file: `let db: Db; freshDatabase((d) => (db = d));` */
export function freshDatabase(use: (db: OpenedDatabase["db"], database: TestDatabase) => void): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    use(database.db, database);
  });
  afterAll(() => database?.close());
}
