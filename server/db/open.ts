// Opens Mesa's database: PostgreSQL when a URL is given, otherwise embedded PGlite (on disk under
// dataDir, or in memory). Migrations are applied before the Prisma client is handed out.
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { migrate } from "./migrate";
import { openPglite } from "./pglite";

export type Db = PrismaClient;

export interface OpenedDatabase {
  db: Db;
  kind: "postgresql" | "pglite";
  /** Names of the migrations this open applied; all of them on a brand-new database. */
  applied: string[];
  /** True when this open created the schema from nothing (first start). */
  fresh: boolean;
  ping(): Promise<void>;
  /** Calls `onNotify` for every NOTIFY on `channel` (from any connection, any node); resolves to
   * the function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** `snapshot`: a PGlite data directory dump to start from (tests skip initdb and migrations). */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; snapshot?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if ("url" in target) {
    const { connectionString, schema } = splitSchema(target.url);
    // The schema goes first in the search path (our migrations and raw SQL are unqualified; public
    // stays behind it for extensions such as pg_trgm, which are per database) and to the
    // adapter (Prisma qualifies its own queries, "public" unless told otherwise).
    const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema},public` } : {}) });
    const client = await pool.connect();
    let applied: string[];
    let fresh: boolean;
    try {
      fresh = !(await client.query(`SELECT to_regclass('_mesa_migrations') AS t`)).rows[0]?.t;
      applied = await migrate({
        exec: (sql) => client.query(sql),
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)) as unknown as { rows: T[] },
      });
    } finally {
      client.release();
    }
    const db = new PrismaClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
    return {
      db,
      kind: "postgresql",
      applied,
      fresh,
      ping: async () => void (await pool.query("SELECT 1")),
      listen: (channel, onNotify) => listenOnServer(connectionString, channel, onNotify),
      close: async () => {
        await db.$disconnect();
        await pool.end();
      },
    };
  }
  const pglite = "dataDir" in target ? await openPglite(path.join(target.dataDir, "pgdata")) : await openPglite(undefined, target.snapshot);
  const fresh = !(await pglite.query<{ t: string | null }>(`SELECT to_regclass('_mesa_migrations') AS t`)).rows[0]?.t;
  const applied = await migrate(pglite);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    kind: "pglite",
    applied,
    fresh,
    ping: async () => void (await pglite.query("SELECT 1")),
    listen: async (channel, onNotify) => {
      const stop = await pglite.listen(channel, onNotify);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

/** LISTEN on a connection of its own (a pooled one would be handed to other queries). A lost
 * connection is opened again after a pause; notices sent meanwhile are missed, which callers cover
 * by polling. */
async function listenOnServer(connectionString: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ connectionString });
    c.on("notification", (n) => n.channel === channel && onNotify());
    c.on("error", () => {
      if (client === c) client = null;
      void c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await c.connect();
    await c.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    if (stopped) await c.end();
    else client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** Prisma's `?schema=name` URL parameter, which `pg` itself would ignore. */
function splitSchema(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  if (!schema) return { connectionString: url };
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`DATABASE_URL: schema "${schema}" must be a plain identifier`);
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
