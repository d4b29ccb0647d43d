// Opening an embedded PGlite database, always with the extensions our migrations may create.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** `dataDir` is a folder on disk, or undefined for an in-memory database (tests, shadow databases);
 * `snapshot` (from `dumpDataDir()`) starts it from a copy instead of an empty cluster. */
export async function openPglite(dataDir?: string, snapshot?: Blob): Promise<PGlite> {
  const db = new PGlite({ dataDir, loadDataDir: snapshot, extensions: { pg_trgm, unaccent } });
  await db.waitReady;
  return db;
}
