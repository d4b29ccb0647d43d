// `npm run bench`: exports 100 000 tickets to CSV and to Excel from an in-memory PGlite and reports
// the time and the peak memory, to show the export streams (memory stays flat as rows grow).
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../server/db/open";
import { seedDemo } from "../../server/seed/demo";
import { loadSessionPrincipal, createSession } from "../../server/auth/sessions";
import { exportTickets } from "../../server/tickets/export/export-tickets";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const opened = await openDatabase({ memory: true });
const db = opened.db;
await seedDemo(db);
const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
const partner = await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
const viewer = (await loadSessionPrincipal(db, await createSession(db, admin.id, new Date()), new Date()))!;
const department = await db.department.findFirstOrThrow();
const started = performance.now();
await db.$executeRawUnsafe(`
  INSERT INTO "Ticket" ("id", "type", "status", "priority", "channel", "subject", "departmentId", "requesterId", "createdAt", "updatedAt", "searchText")
  SELECT gen_random_uuid(), 'incident', 'open', 'medium', 'web', 'Bench ticket ' || g, ${department.id}, '${partner.id}'::uuid,
         timestamp '2026-01-01' + (g || ' seconds')::interval, now(), ''
  FROM generate_series(1, ${ROWS}) AS g`);
console.log(`inserted ${ROWS} tickets in ${Math.round(performance.now() - started)} ms`);

for (const format of ["csv", "xlsx"] as const) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const base = peak;
  const t0 = performance.now();
  let bytes = 0;
  let rows = 0;
  for await (const chunk of exportTickets(db, viewer, "es", {
    format,
    from: "2025-12-31",
    to: "2026-12-31",
    fields: ["number", "subject", "status", "priority", "department", "createdAt"],
  })) {
    if (chunk.kind === "data") {
      bytes += Buffer.byteLength(chunk.base64, "base64");
      rows += chunk.rows;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = Math.round(performance.now() - t0);
  console.log(
    `${format}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${ms} ms (${Math.round(rows / (ms / 1000))} rows/s); RSS +${Math.round((peak - base) / 1e6)} MB over ${Math.round(base / 1e6)} MB`,
  );
}
await opened.close();
