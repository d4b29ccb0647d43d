// A Mesa server for the bench: the production build (`next build`), server/main.ts in a process of
// its own on the run's database, the automation scheduler off (the bench calls its tick), mail to
// the bench's SMTP sink. Its resident memory is sampled from /proc while it runs.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const BENCH_SECRET = "bench-nextauth-secret-0123456789abcdef";
export const BENCH_CRON_SECRET = "bench-cron-secret-0123456789";

export interface MesaServer {
  url: string;
  pid: number;
  /** Highest RSS seen (MB) since the last reset, sampled every 100 ms. */
  peakRssMb(): number;
  resetPeak(): void;
  /** Highest RSS seen (MB) since the server started (P8). */
  runPeakMb(): number;
  rssMb(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export async function startMesa(opts: {
  port: number;
  database: { url: string } | { dataDir: string };
  smtpUrl: string;
  extraEnv?: Record<string, string>;
}): Promise<MesaServer> {
  if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const url = `http://localhost:${opts.port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(opts.port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: BENCH_SECRET,
      APP_ENCRYPTION_KEY: "0".repeat(64),
      CRON_SECRET: BENCH_CRON_SECRET,
      CAPTCHA: "off",
      TRUST_PROXY: "false",
      AUTOMATION_INTERVAL_SECONDS: "0",
      SMTP_URL: opts.smtpUrl,
      MAIL_FROM: "Mesa Bench <no-reply@bench.test>",
      DATABASE_URL: "url" in opts.database ? opts.database.url : "",
      DATA_DIR: "dataDir" in opts.database ? opts.database.dataDir : path.join(repoRoot, "bench", "data", `server-${opts.port}`),
      REST_RATE_LIMIT: "1000000",
      ...opts.extraEnv,
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Mesa exited while starting:\n${stderr}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Mesa did not start in 180 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  let peak = 0;
  let runPeak = 0;
  const sampler = setInterval(() => {
    const rss = rssOf(child.pid!);
    peak = Math.max(peak, rss);
    runPeak = Math.max(runPeak, rss);
  }, 100);
  return {
    url,
    pid: child.pid!,
    peakRssMb: () => Math.round(Math.max(peak, rssOf(child.pid!))),
    resetPeak: () => (peak = 0),
    runPeakMb: () => Math.round(runPeak),
    rssMb: () => Math.round(rssOf(child.pid!)),
    stop: async () => {
      clearInterval(sampler);
      child.kill("SIGTERM");
      await exited;
    },
  };
}
