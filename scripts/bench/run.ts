// `npm run bench [-- --scale small|100k|1m] [--only P1,P2]`: issue #15's measures
// against a Mesa server (the production build) started on a copy of the kept bench dataset
// (`npm run bench:data`, made here first if missing). Load comes from this process over real HTTP
// and Socket.IO; each floor (the same work with nothing of Mesa around it) runs in the same run.
// Prints one table and writes bench/results/<date>.json with the query plans beside it.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { planFor } from "./dataset/plan";
import { cloneForRun, datasetName, hasDataset, loadPostgres } from "./dataset/load-postgres";
import { openCapturingDb } from "./harness/sql-capture";
import { repoRoot, startMesa } from "./harness/server";
import { startSmtpSink } from "./harness/smtp-sink";
import { printTable, type Result } from "./harness/stats";
import type { BenchContext } from "./harness/context";
import { p1Create } from "./measures/create";
import { p2Lists, p3Search } from "./measures/lists";
import { p9Bundles } from "./measures/bundles";
import { p4Fanout, p5Fanout } from "./measures/fanout";
import { p6Automation } from "./measures/automation";
import { p7Outbox } from "./measures/outbox";
import { p10Export } from "./measures/export";
import { closeMesaDb } from "./harness/in-process";

const defaultBenchUrl = "postgresql://mesa:mesa@127.0.0.1:5432/mesa_bench";
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1m" },
    only: { type: "string", default: "" },
    port: { type: "string", default: "3917" },
  },
});
const plan = planFor(values.scale!);
const quick = plan.tickets <= 10_000;
const only = new Set(
  values
    .only!.split(",")
    .filter(Boolean)
    .map((s) => s.toUpperCase()),
);
const wanted = (id: string) => only.size === 0 || only.has(id);
const log = (line: string) => console.info(`[bench ${plan.scale}] ${line}`);

const url = process.env.BENCH_DATABASE_URL || defaultBenchUrl;
if (!(await hasDataset(url, plan))) {
  log(`no dataset ${datasetName(url, plan)} yet: making it (npm run bench:data -- --scale ${plan.scale})`);
  await loadPostgres(url, plan, new Date("2026-12-01T12:00:00Z"), log);
}
const started = new Date();
const stamp = started.toISOString().slice(0, 19).replace(/:/g, "-");
const outDir = path.join(repoRoot, "bench", "results", `${stamp}-${plan.scale}`);
mkdirSync(outDir, { recursive: true });
log(`copying the dataset for this run`);
const runUrl = await cloneForRun(url, plan, log);
const smtp = await startSmtpSink();
const server = await startMesa({ port: Number(values.port), database: { url: runUrl }, smtpUrl: smtp.url });
const startRss = server.rssMb();
log(`Mesa started (pid ${server.pid}, RSS ${startRss} MB)`);
const bare = new pg.Client({ connectionString: runUrl });
await bare.connect();
const capture = await openCapturingDb(runUrl);
const ctx: BenchContext = { plan, quick, databaseUrl: runUrl, bare, capture, server, smtpUrl: smtp.url, smtp, outDir, log };

const measures: [string, (ctx: BenchContext) => Promise<Result[]>][] = [
  ["P2", p2Lists],
  ["P3", p3Search],
  ["P1", p1Create],
  ["P4", p4Fanout],
  ["P5", p5Fanout],
  // Background jobs, in the bench process on Mesa's code (harness/in-process.ts); P6 last of those
  // that read tickets, as it changes a tenth of them.
  ["P7", p7Outbox],
  ["P10", p10Export],
  ["P6", p6Automation],
  ["P9", p9Bundles],
];
const results: Result[] = [];
const file = path.join(repoRoot, "bench", "results", `${stamp}-${plan.scale}.json`);
// Written after every measure, so a run cut short keeps what it measured.
const save = () =>
  writeFileSync(
    file,
    JSON.stringify({ started: started.toISOString(), plan, machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2),
  );
try {
  for (const [id, measure] of measures) {
    if (!wanted(id)) continue;
    const t0 = Date.now();
    results.push(...(await measure(ctx)));
    save();
    log(`${id} done in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  // P8: the app process's resident memory over the whole run (P1–P5 and the lists).
  const rssMb = server.runPeakMb();
  results.push({
    id: "P8",
    measure: `RSS of the app process during ${[...new Set(results.map((r) => r.id))].join(", ")}`,
    target: "< 400 MB",
    pass: rssMb < 400,
    notes: [`peak ${rssMb} MB (idle after start ${startRss} MB)`],
    extra: { peakMb: rssMb, idleMb: startRss },
  });
  save();
} finally {
  await capture.close();
  await closeMesaDb();
  await bare.end();
  await server.stop();
  await smtp.close();
}
console.info(`\n${printTable(results)}\n`);
log(`results: ${path.relative(repoRoot, file)}; query plans in ${path.relative(repoRoot, outDir)}/`);
