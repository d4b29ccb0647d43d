// Applies prisma/migrations/*/migration.sql in order, once each, recording them in _mesa_migrations.
// Works the same on PGlite and PostgreSQL; an advisory lock keeps two starting nodes from racing.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

/** The two calls the runner needs; both PGlite and a `pg` client provide them. */
export interface SqlSession {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const LOCK_ID = 7_441_001; // arbitrary, Mesa's own

export async function listMigrations(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Returns the names applied by this call (empty when the database was up to date). */
export async function migrate(session: SqlSession, dir = migrationsDir): Promise<string[]> {
  await session.exec(`SELECT pg_advisory_lock(${LOCK_ID})`);
  try {
    await session.exec(
      `CREATE TABLE IF NOT EXISTS _mesa_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await session.query<{ name: string }>(`SELECT name FROM _mesa_migrations`)).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const name of await listMigrations(dir)) {
      if (done.has(name)) continue;
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      await session.exec("BEGIN");
      try {
        await session.exec(sql);
        await session.query(`INSERT INTO _mesa_migrations (name) VALUES ($1)`, [name]);
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await session.exec(`SELECT pg_advisory_unlock(${LOCK_ID})`);
  }
}
