// Names of the PostgreSQL databases the end-to-end runs create: one per run, stamped with its start
// time so later runs can drop the ones left behind.
export const E2E_DB_PREFIX = "mesa_e2e_";
export const E2E_DB_STALE_MS = 60 * 60_000;

export function e2eDatabaseName(now = Date.now()): string {
  return `${E2E_DB_PREFIX}${now}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Milliseconds since the run that created this database started; null for other names. */
export function e2eDatabaseAge(name: string, now = Date.now()): number | null {
  const match = new RegExp(`^${E2E_DB_PREFIX}(\\d{13})_[a-z0-9]+$`).exec(name);
  return match ? now - Number(match[1]) : null;
}

/** The run's PostgreSQL database (the "postgres" project's apps), on the server of `adminUrl`
 * (TEST_DATABASE_URL); the config stamps MESA_E2E_DATABASE once, and workers inherit it. */
export function e2ePostgresUrl(adminUrl: string, database = process.env.MESA_E2E_DATABASE): string {
  if (!database) throw new Error("e2ePostgresUrl: MESA_E2E_DATABASE is not set (no TEST_DATABASE_URL?)");
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  url.searchParams.delete("schema");
  return url.toString();
}
