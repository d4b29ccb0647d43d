// `npm start`: builds Mesa when the build is missing or older than the sources, then serves it in
// production mode on the embedded database (or DATABASE_URL).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { buildNarrator } from "./build-progress.mjs";

const root = path.resolve(import.meta.dirname, "..");
const sources = ["app", "server", "messages", "public", "proxy.ts", "next.config.ts", "package.json"];
const skip = new Set(["node_modules", "generated", ".next"]);

function newest(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full)
    .filter((name) => !skip.has(name))
    .reduce((max, name) => Math.max(max, newest(path.join(entry, name))), 0);
}

const buildId = path.join(root, ".next", "BUILD_ID");
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
/** Runs `next build`, passing its output through with the step it is on and a line every 10 s while it is silent. */
async function build() {
  const narrator = buildNarrator();
  const child = spawn("npx", ["next", "build"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      const step = narrator.line(line);
      if (step) console.info(step);
      out.write(`${line}\n`);
    });
  }
  const timer = setInterval(() => {
    const note = narrator.tick();
    if (note) console.info(note);
  }, 1_000);
  const code = await new Promise((resolve) => child.on("exit", (status) => resolve(status ?? 1)));
  clearInterval(timer);
  if (code !== 0) process.exit(code);
  console.info(narrator.done());
}

if (built < Math.max(...sources.map(newest))) {
  console.info(
    built
      ? "Sources changed since the last build: building Mesa…"
      : "Building Mesa (first start: a minute or two on 2 cores; later starts skip this)…",
  );
  await build();
}

const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
// A server that dies by a signal nobody sent it (a crash) is a failure, said as one.
server.on("exit", (code, signal) => {
  if (signal && !stopping) console.error(`Mesa's server stopped on ${signal}.`);
  process.exit(code ?? (stopping ? 0 : 1));
});
