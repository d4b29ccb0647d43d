// Latency samples → percentiles, and the one table `npm run bench` prints.
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** operations per second over the measured wall time */
  throughput: number;
}

export function summarize(samples: number[], wallMs: number): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? NaN),
    throughput: round((samples.length / wallMs) * 1000),
  };
}

export const round = (x: number) => Math.round(x * 10) / 10;

/** Runs `op` `total` times with `concurrency` at once; returns each latency in ms and the wall time. */
export async function load(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await op(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

export interface Result {
  id: string;
  measure: string;
  mesa?: Summary;
  floor?: Summary;
  /** what the ratio compares, e.g. "p95 ÷ floor p95" */
  ratio?: { value: number; of: string };
  target: string;
  pass: boolean | null;
  notes?: string[];
  extra?: Record<string, unknown>;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

export function printTable(results: Result[]): string {
  const rows = [
    ["#", "measure", "Mesa p50/p95/p99 ms", "Mesa /s", "floor p50/p95 ms", "floor /s", "ratio", "target", "result"],
    ...results.map((r) => [
      r.id,
      r.measure,
      // A measure without latencies (a size, a memory figure) shows its first note instead.
      r.mesa ? `${r.mesa.p50} / ${r.mesa.p95} / ${r.mesa.p99}` : (r.notes?.[0] ?? "—"),
      r.mesa ? String(r.mesa.throughput) : "—",
      r.floor ? `${r.floor.p50} / ${r.floor.p95}` : "—",
      r.floor ? String(r.floor.throughput) : "—",
      r.ratio ? `${r.ratio.value} (${r.ratio.of})` : "—",
      r.target,
      r.pass === null ? "reported" : r.pass ? "pass" : "FALLS SHORT",
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => pad(cell, widths[c]!)).join(" | ")).join("\n");
}
