// The SQL Mesa runs for one call, captured from Prisma's query events while the runner calls the
// same domain function the procedure calls, so a floor can replay exactly that SQL on a bare `pg`
// connection and EXPLAIN (ANALYZE, BUFFERS) can show its plan.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../../server/db/generated/client";
import type { Db } from "../../../server/db";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface CapturingDb {
  db: Db;
  capture(run: () => Promise<unknown>): Promise<CapturedQuery[]>;
  close(): Promise<void>;
}

export async function openCapturingDb(url: string): Promise<CapturingDb> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  let sink: CapturedQuery[] | null = null;
  db.$on("query" as never, (e: { query: string; params: string }) => {
    sink?.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  return {
    db: db as unknown as Db,
    async capture(run) {
      const captured: CapturedQuery[] = [];
      sink = captured;
      try {
        await run();
      } finally {
        sink = null;
      }
      return captured.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.sql.trim()));
    },
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

/** Replays captured queries, in order, on a bare connection. */
export async function replay(client: pg.ClientBase, queries: CapturedQuery[]): Promise<void> {
  for (const q of queries) await client.query(q.sql, q.params);
}

export async function explain(client: pg.ClientBase, queries: CapturedQuery[]): Promise<string> {
  const out: string[] = [];
  for (const q of queries) {
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
    out.push(`-- ${q.sql}\n-- params: ${JSON.stringify(q.params)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
  }
  return out.join("\n");
}
