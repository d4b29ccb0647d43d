// `npm run bench:data [-- --scale small|10k|100k|1m] [--embedded] [--force]`: makes the bench
// dataset (scripts/bench/dataset/) once and keeps it: in PostgreSQL (BENCH_DATABASE_URL, default
// postgresql://mesa:mesa@127.0.0.1:5432/mesa_bench) as the database mesa_bench_<scale>, or with
// --embedded as a PGlite data directory under bench/data/. Running it again keeps what is there
// unless --force.
import { parseArgs } from "node:util";
import { planFor } from "./dataset/plan";

export const defaultBenchUrl = "postgresql://mesa:mesa@127.0.0.1:5432/mesa_bench";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1m" },
    embedded: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
});
const plan = planFor(values.scale!);
const log = (line: string) => console.info(`[bench:data ${plan.scale}] ${line}`);
const started = Date.now();
// The dataset's "now": fixed, so the same plan gives the same rows whenever it is generated.
const now = new Date("2026-12-01T12:00:00Z");
if (values.embedded) {
  const { hasEmbeddedDataset, loadPglite, embeddedDir } = await import("./dataset/load-pglite");
  if (!values.force && (await hasEmbeddedDataset(plan))) log(`kept: ${embeddedDir(plan)} (--force makes it again)`);
  else {
    await loadPglite(plan, now, log);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s: ${embeddedDir(plan)}`);
  }
} else {
  const url = process.env.BENCH_DATABASE_URL || defaultBenchUrl;
  const { hasDataset, loadPostgres, datasetName } = await import("./dataset/load-postgres");
  if (!values.force && (await hasDataset(url, plan))) log(`kept: database ${datasetName(url, plan)} (--force makes it again)`);
  else {
    await loadPostgres(url, plan, now, log);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s: database ${datasetName(url, plan)}`);
  }
}
