// Opens the configured database for a process that owns it (the server, or a script while the
// server is stopped), with migrations applied and, on a new embedded database, the demo data.
import type { Env } from "../config/env";
import { setDatabase } from "../db";
import { openDatabase, type OpenedDatabase } from "../db/open";
import { seedDemo } from "../seed/demo";
import { lockDataDir } from "./data-dir-lock";

export async function openConfiguredDatabase(env: Env): Promise<OpenedDatabase> {
  const unlock = env.DATABASE_URL ? async () => {} : await lockDataDir(env.DATA_DIR);
  try {
    const opened = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR });
    if (opened.applied.length) console.info(`[db] applied migrations: ${opened.applied.join(", ")}`);
    if (opened.fresh && opened.kind === "pglite") {
      await seedDemo(opened.db);
      console.info("[db] new embedded database: demo data loaded (see README for the accounts)");
    }
    setDatabase(opened);
    return {
      ...opened,
      close: async () => {
        setDatabase(undefined);
        await opened.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
