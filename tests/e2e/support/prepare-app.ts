// Runs before an app server of the end-to-end run starts (see playwright.config.ts):
// - always empties DATA_DIR, so the embedded database is new (and seeds the demo accounts);
// - with DATABASE_URL, creates that database (the server only migrates) through the server of
//   E2E_ADMIN_DATABASE_URL (TEST_DATABASE_URL), after dropping databases earlier runs left behind.
//   scripts/seed.ts then loads the demo data into it. A second node (E2E_SECOND_NODE) joins the
//   database the first one made.
import { mkdir, rm } from "node:fs/promises";
import pg from "pg";
import { E2E_DB_PREFIX, E2E_DB_STALE_MS, e2eDatabaseAge } from "./databases";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("prepare-app: DATA_DIR is required");
await rm(dataDir, { recursive: true, force: true });
await mkdir(dataDir, { recursive: true });

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl && !process.env.E2E_SECOND_NODE) {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name.startsWith(E2E_DB_PREFIX)) throw new Error(`prepare-app: refusing to create ${name}: not an e2e database`);
  const admin = process.env.E2E_ADMIN_DATABASE_URL;
  if (!admin) throw new Error("prepare-app: E2E_ADMIN_DATABASE_URL is required with DATABASE_URL");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${E2E_DB_PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const age = e2eDatabaseAge(datname);
      // Only runs long finished: a parallel run's database is left alone.
      if (age !== null && age > E2E_DB_STALE_MS) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  console.info(`[e2e] created database ${name}`);
}
