// `npm run bench` (REST part): the same ticket operations through the REST API (a bearer token, the
// JSON edge, the REST shapes) and through the tRPC procedures they call (createCaller), on an
// in-memory Mesa (PGlite, demo data, 2 000 tickets of one partner). Reports p50 / p95 latency of
// create and of a list page for both, so the REST layer's own cost reads as the difference.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";

process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.NEXTAUTH_SECRET ??= "bench-nextauth-secret-0123456789abcdef";
process.env.APP_ENCRYPTION_KEY ??= "0".repeat(64);
process.env.CRON_SECRET ??= "bench-cron-secret-0123";
process.env.SMTP_URL = "";
process.env.DATA_DIR = mkdtempSync(`${tmpdir()}/mesa-bench-`);

const { openDatabase } = await import("../../server/db/open");
const { setDatabase } = await import("../../server/db");
const { seedDemo } = await import("../../server/seed/demo");
const { loadPrincipal } = await import("../../server/access/principal");
const { createPersonalToken } = await import("../../server/api-auth/personal-tokens");
const { handleRest } = await import("../../server/rest/handle");
const { createCaller } = await import("../../server/trpc/router");

const ROUNDS = Number(process.env.BENCH_REST_ROUNDS ?? 200);
const SEEDED = Number(process.env.BENCH_REST_TICKETS ?? 2_000);
const opened = await openDatabase({ memory: true });
setDatabase(opened);
const db = opened.db;
await seedDemo(db);
const partner = await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
const principal = (await loadPrincipal(db, partner.id))!;
const { token } = await createPersonalToken(db, principal, { name: "bench", scope: "read_write", expiresAt: null }, new Date());
const rate = { limit: 1_000_000, windowSeconds: 60 };
const api = () =>
  createCaller({
    db,
    user: { ...principal, source: { kind: "api_token", tokenId: "bench", scope: "read_write" } },
    locale: "es",
    now: new Date(),
  });
const body = "Al intentar crear un nuevo sitio web desde el panel de hosting, recibo un error 500.";

async function restCall(method: string, path: string, json?: unknown) {
  const response = await handleRest(
    new Request(`http://localhost:3000${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json ? { "content-type": "application/json" } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    }),
    { rate },
  );
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

async function measure(label: string, run: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`rest ${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${ROUNDS}`);
}

for (let i = 0; i < SEEDED; i++)
  await api().tickets.create({ type: "incident", departmentId: 1, categoryId: null, subject: `Ticket ${i}`, description: body });

await measure("create via tRPC", (i) =>
  api().tickets.create({ type: "incident", departmentId: 1, categoryId: null, subject: `tRPC ${i}`, description: body }),
);
await measure("create via REST", (i) =>
  restCall("POST", "/tickets/api/tickets/", {
    subject: `REST ${i}`,
    department: 1,
    priority: "high",
    messages: [{ body, message_type: "reply" }],
  }),
);
await measure("list page via tRPC", () => api().tickets.list({ tab: "all", limit: 25, page: 1, withCount: true }));
await measure("list page via REST", () => restCall("GET", "/tickets/api/tickets/?page_size=25"));
await measure("search by number via REST", () => restCall("GET", "/tickets/api/tickets/?search=TK-000042"));
await opened.close();
