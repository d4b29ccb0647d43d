// `npm test`: every tier in order — the lint (ESLint and Prettier, `npm run lint`), Vitest (pure and
// integration; on PostgreSQL too when TEST_DATABASE_URL is set), a production build, then Playwright
// end-to-end in Chromium. Ends with one line counting every test of every tier: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

// Outside test-results/: Playwright empties that folder when it starts.
const results = ".test-counts";
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` };

const steps = [
  ["npm", ["run", "lint"]],
  ["npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`]],
  ["npx", ["next", "build"]],
  ["npx", ["playwright", "test", "--reporter=list,json"]],
];

function counts() {
  const read = (file) => {
    try {
      return JSON.parse(readFileSync(`${results}/${file}`, "utf8"));
    } catch {
      return null;
    }
  };
  const vitest = read("vitest.json");
  const playwright = read("playwright.json")?.stats;
  const passed = (vitest?.numPassedTests ?? 0) + (playwright?.expected ?? 0);
  const failed = (vitest?.numFailedTests ?? 0) + (playwright?.unexpected ?? 0) + (playwright?.flaky ?? 0);
  const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.skipped ?? 0);
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
}

// npm puts node_modules/.bin first on the PATH: the tiers run on the pinned Node.js 24 LTS.
console.info(`Node.js ${process.version}`);
let status = 0;
for (const [command, args] of steps) {
  console.info(`\n▶ ${command} ${args.slice(0, 2).join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  console.info(`◀ ${args[0]} ${args[1] ?? ""} finished in ${Math.round((Date.now() - started) / 1000)} s with exit code ${result.status}`);
  if (result.status !== 0) {
    status = result.status ?? 1;
    break;
  }
}
console.info(`\n${counts()}`);
process.exit(status);
