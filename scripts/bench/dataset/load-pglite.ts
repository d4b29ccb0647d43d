// The same dataset on the embedded database (PGlite on disk, as `npm start` runs it): rows are
// gathered per table and handed to PGlite's COPY FROM '/dev/blob' in 16 MB chunks. The data
// directory is kept under bench/data/; a bench run starts from a copy of it.
import { cp, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../../server/db/generated/client";
import { migrate } from "../../../server/db/migrate";
import { openPglite } from "../../../server/db/pglite";
import { copyLine, generate, type Counts, type Sink, type Writer } from "./generate";
import { afterLoad, beforeLoad, seedWorld, type Sql } from "./prepare";
import type { Plan } from "./plan";

export const embeddedRoot = path.resolve(import.meta.dirname, "../../../bench/data");
export const embeddedDir = (plan: Pick<Plan, "scale">) => path.join(embeddedRoot, `pglite-${plan.scale}`);

class BlobWriter implements Writer {
  private lines: string[] = [];
  private size = 0;
  constructor(
    private readonly db: PGlite,
    private readonly copy: string,
  ) {}
  async row(values: Parameters<Writer["row"]>[0]): Promise<void> {
    const line = copyLine(values);
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= 16 * 1024 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.lines.length) return;
    const blob = new Blob(this.lines);
    this.lines = [];
    this.size = 0;
    await this.db.query(this.copy, [], { blob });
  }
}

export async function hasEmbeddedDataset(plan: Plan): Promise<boolean> {
  try {
    await stat(path.join(embeddedDir(plan), "complete.json"));
    return true;
  } catch {
    return false;
  }
}

export async function loadPglite(plan: Plan, now: Date, log: (line: string) => void): Promise<Counts> {
  const dir = embeddedDir(plan);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pglite = await openPglite(path.join(dir, "pgdata"));
  await migrate(pglite);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const world = await seedWorld(db, now);
  const sql: Sql = { exec: (text) => pglite.exec(text), rows: async (text) => (await pglite.query<never>(text)).rows };
  await sql.exec(`SET session_replication_role = replica`);
  const indexes = await beforeLoad(sql);
  const writers: BlobWriter[] = [];
  const sink: Sink = {
    table(table, columns) {
      const writer = new BlobWriter(pglite, `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM '/dev/blob'`);
      writers.push(writer);
      return writer;
    },
  };
  const t = Date.now();
  const counts = await generate(plan, world, sink);
  for (const writer of writers) await writer.flush();
  log(`generated and copied in ${Math.round((Date.now() - t) / 1000)} s: ${JSON.stringify(counts)}`);
  await afterLoad([sql], indexes, plan, log);
  await db.$disconnect();
  await pglite.close();
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path.join(dir, "complete.json"), JSON.stringify({ ...plan, counts }, null, 2));
  return counts;
}

/** A DATA_DIR for one bench run: a copy of the kept data directory. */
export async function cloneEmbeddedForRun(plan: Plan, dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await cp(path.join(embeddedDir(plan), "pgdata"), path.join(dataDir, "pgdata"), { recursive: true });
}
