// Opening an embedded PGlite database, always with the extensions our migrations may create.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** `dataDir` is a folder on disk, or undefined for an in-memory database (tests, shadow databases). */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const db = new PGlite({ dataDir, extensions: { pg_trgm, unaccent } });
  await db.waitReady;
  return db;
}
