// The background work (automation tick, outbox, export) measured in the bench process itself, on
// Mesa's own code and database client, with the environment the server has: its secrets, its SMTP
// sink. These are jobs, not requests: no HTTP stands between a caller and them in production either
// (`npm run automation` runs the tick outside the server the same way).
import { openDatabase, type OpenedDatabase } from "../../../server/db/open";
import type { BenchContext } from "./context";
import { BENCH_CRON_SECRET, BENCH_SECRET } from "./server";

let opened: OpenedDatabase | null = null;

/** Mesa's own Prisma client on the run's database (opened once per run). */
export async function mesaDb(ctx: BenchContext): Promise<OpenedDatabase["db"]> {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: ctx.server.url,
    APP_ENCRYPTION_KEY: "0".repeat(64),
    CRON_SECRET: BENCH_CRON_SECRET,
    SMTP_URL: ctx.smtpUrl,
    MAIL_FROM: "Mesa Bench <no-reply@bench.test>",
  });
  opened ??= await openDatabase({ url: ctx.databaseUrl });
  return opened.db;
}

export async function closeMesaDb(): Promise<void> {
  await opened?.close();
  opened = null;
}

/** This process's RSS in MB. */
export const ownRssMb = () => Math.round(process.memoryUsage().rss / 1e6);
