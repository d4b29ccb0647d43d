// Loads a bench dataset into PostgreSQL at COPY speed: one connection and one COPY stream per
// table, foreign-key triggers off for the load (session_replication_role = replica; the generator
// writes consistent rows), secondary indexes built after. The dataset lives in its own database,
// <name>_<scale>, kept between runs; a bench run works on a copy made from it as a template.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Writable } from "node:stream";
import { openDatabase } from "../../../server/db/open";
import { copyLine, generate, type Counts, type Sink, type Writer } from "./generate";
import { afterLoad, beforeLoad, seedWorld, type Sql } from "./prepare";
import type { Plan } from "./plan";

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function datasetName(url: string, plan: Pick<Plan, "scale">): string {
  const base = new URL(url).pathname.slice(1) || "mesa_bench";
  return `${base}_${plan.scale}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
}

async function adminClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(url, "postgres") });
  await client.connect();
  return client;
}

/** True when the dataset database exists and holds this plan. */
export async function hasDataset(url: string, plan: Plan): Promise<boolean> {
  const admin = await adminClient(url);
  try {
    const name = datasetName(url, plan);
    if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount) return false;
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: databaseUrl(url, datasetName(url, plan)) });
  await client.connect();
  try {
    const marker = await client.query(`SELECT tickets, seed FROM _bench_dataset`).catch(() => null);
    return Boolean(marker?.rows[0] && marker.rows[0].tickets === plan.tickets && Number(marker.rows[0].seed) === plan.seed);
  } finally {
    await client.end();
  }
}

/** One table's COPY stream on its own connection, fed in 256 KiB chunks with back-pressure. */
class CopyWriter implements Writer {
  private buffer = "";
  private readonly stream: Promise<{ client: pg.Client; stream: Writable; done: Promise<void> }>;
  constructor(client: Promise<pg.Client>, copy: string) {
    this.stream = client.then((c) => {
      const stream = c.query(copyFrom(copy));
      const done = new Promise<void>((resolve, reject) => stream.on("finish", resolve).on("error", reject));
      return { client: c, stream, done };
    });
  }
  async row(values: Parameters<Writer["row"]>[0]): Promise<void> {
    this.buffer += copyLine(values);
    if (this.buffer.length < 256 * 1024) return;
    const { stream } = await this.stream;
    const chunk = this.buffer;
    this.buffer = "";
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  async end(): Promise<void> {
    const { client, stream, done } = await this.stream;
    stream.end(this.buffer);
    this.buffer = "";
    await done;
    await client.end();
  }
}

const sqlOf = (client: pg.Client): Sql => ({
  exec: (text) => client.query(text),
  rows: async (text) => (await client.query(text)).rows,
});

export async function loadPostgres(url: string, plan: Plan, now: Date, log: (line: string) => void): Promise<Counts> {
  const name = datasetName(url, plan);
  const admin = await adminClient(url);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = databaseUrl(url, name);
  const opened = await openDatabase({ url: target });
  const world = await seedWorld(opened.db, now);
  await opened.close();

  const connect = async () => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`SET session_replication_role = replica`);
    return client;
  };
  const main = await connect();
  const indexes = await beforeLoad(sqlOf(main));
  const writers: CopyWriter[] = [];
  const sink: Sink = {
    table(table, columns) {
      const writer = new CopyWriter(connect(), `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`);
      writers.push(writer);
      return writer;
    },
  };
  let t = Date.now();
  const counts = await generate(plan, world, sink);
  for (const writer of writers) await writer.end();
  log(`generated and copied in ${Math.round((Date.now() - t) / 1000)} s: ${JSON.stringify(counts)}`);
  t = Date.now();
  const second = await connect();
  await afterLoad([sqlOf(main), sqlOf(second)], indexes, plan, log);
  await second.end();
  await main.end();
  return counts;
}

/** A fresh database for one bench run, copied from the kept dataset (the runs change it). The
 * dataset first gets the migrations written since it was made, once. */
export async function cloneForRun(url: string, plan: Plan, log: (line: string) => void): Promise<string> {
  const template = datasetName(url, plan);
  const t = Date.now();
  const opened = await openDatabase({ url: databaseUrl(url, template) });
  // What the migrations added or changed gets its planner statistics before the copy.
  if (opened.applied.length) await opened.db.$executeRawUnsafe(`ANALYZE`);
  await opened.close();
  if (opened.applied.length) log(`dataset migrated (${opened.applied.join(", ")}) in ${Math.round((Date.now() - t) / 1000)} s`);
  const run = `${template}_run`;
  const admin = await adminClient(url);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${run}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, run);
}
