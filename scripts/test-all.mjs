// `npm test`: every tier in order — Vitest (pure and integration; on PostgreSQL too when
// TEST_DATABASE_URL is set), a production build, then Playwright end-to-end in Chromium.
import { spawnSync } from "node:child_process";

const steps = [
  ["npx", ["vitest", "run"]],
  ["npx", ["next", "build"]],
  ["npx", ["playwright", "test"]],
];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const [command, args] of steps) {
  console.info(`\n▶ ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  console.info(`◀ ${args[0]} ${args[1] ?? ""} finished in ${Math.round((Date.now() - started) / 1000)} s with exit code ${result.status}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
