// A fresh, migrated database per test file: in-memory PGlite by default; on the PostgreSQL server
// of TEST_DATABASE_URL when the Vitest project asks for it (TEST_DB_BACKEND=postgresql, see
// vitest.config.ts). On PostgreSQL it is a uniquely named database, dropped by close(); when the
// role may not create databases, a uniquely named schema in TEST_DATABASE_URL's database instead.
import { randomBytes } from "node:crypto";
import pg from "pg";
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

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === "pglite") return { ...(await openDatabase({ memory: true })), backend: "pglite" };
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
    return { url: url.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error; // 42501: insufficient_privilege
  }
  await admin((c) => c.query(`CREATE SCHEMA "${name}"`));
  const url = new URL(serverUrl);
  url.searchParams.set("schema", name);
  return { url: url.toString(), drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)).then(() => {}) };
}
