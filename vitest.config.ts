// Vitest runs the two fast tiers: pure tests (tests/unit/*.test.ts) and integration tests
// (tests/integration/*.int.test.ts) on a fresh in-memory PGlite per file. When TEST_DATABASE_URL
// names a PostgreSQL server, the integration tests run a second time on it (one new database per
// file, see tests/support/test-db.ts). Playwright owns tests/e2e; it is not run from here.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Fixed secrets so that no test reads or writes DATA_DIR/secrets.json; the shell's own database,
// mail or Google settings must not leak into the tests either.
const env = {
  NODE_ENV: "test" as const,
  NEXTAUTH_URL: "http://mesa.test",
  NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef",
  APP_ENCRYPTION_KEY: "0".repeat(64),
  CRON_SECRET: "test-cron-secret-0123",
  DATABASE_URL: "",
  SMTP_URL: "",
  GOOGLE_CLIENT_ID: "",
  GOOGLE_CLIENT_SECRET: "",
  GOOGLE_ISSUER: "",
  STAFF_EMAIL_DOMAINS: "",
  UPLOADTHING_TOKEN: "",
  // The inbound webhook is off unless a test turns it on (tests/integration/inbound-*.int.test.ts).
  INBOUND_EMAIL_SECRET: "",
  // No CAPTCHA to solve in the existing tests; tests/integration/captcha.int.test.ts passes its own settings.
  CAPTCHA: "off",
  // Attachments on the local disk land here, never in the repository's ./data.
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "mesa-vitest-")),
};

// Every integration file runs on PGlite (a real PostgreSQL, compiled to WebAssembly: the same planner,
// constraints and transactions). With a PostgreSQL server at hand (TEST_DATABASE_URL), the files
// whose outcome the server can change run there too: concurrency and locks across a pool of
// connections (simultaneous ticks, shared counters, CAPTCHA replay, the outbox and the dispatcher),
// rollbacks under the procedure fuzz, LISTEN/NOTIFY realtime, migrations on a real catalogue, and
// the heavy SQL of lists, search, reports and exports through node-postgres. Validation, wording, mail
// texts and admin forms behave the same on either backend and run once, which keeps CI in its budget.
const onPostgreSQL = [
  "tests/integration/after-commit",
  "tests/integration/automation",
  "tests/integration/captcha",
  "tests/integration/inbound-mail",
  "tests/integration/migrations",
  "tests/integration/realtime",
  "tests/integration/realtime-tickets",
  "tests/integration/reports",
  "tests/integration/rest-api",
  "tests/integration/ticket-list-order",
  "tests/integration/tickets-export",
  "tests/integration/tickets-visibility",
  "tests/security/fuzz",
  "tests/security/mail-bombing",
  "tests/security/sign-in-throttle",
  "tests/security/socket-access",
].map((file) => `${file}.int.test.ts`);

const integration = (backend: "pglite" | "postgresql"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration:${backend}`,
    include: backend === "postgresql" ? onPostgreSQL : ["tests/integration/**/*.int.test.ts", "tests/security/**/*.int.test.ts"],
    // The procedure fuzz (200 inputs × every procedure × five roles) is the longest file of the run;
    // with a PostgreSQL server at hand it runs there only (about half the time it takes on PGlite).
    exclude: backend === "pglite" && process.env.TEST_DATABASE_URL ? ["tests/security/fuzz.int.test.ts"] : [],
    // Each file starts from one migrated PGlite dump made once per run.
    globalSetup: backend === "pglite" ? ["tests/support/pglite-snapshot.ts"] : [],
    env: { ...env, TEST_DB_BACKEND: backend },
    // Generous limits: they only stop a hung test, and a busy 2-core machine is slow to start PGlite.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    // Forks, not threads: on Node 24, V8's process-wide registry of JIT/WebAssembly code pages
    // (ThreadIsolation) races when threads of one process compile and free PGlite's WebAssembly,
    // and aborts the whole run ("Check failed: jit_page_->allocations_.erase(addr) == 1",
    // nodejs/node#64500; seen here). A process per test file has its own registry. Threads shared the
    // compiled code and were about a third cheaper in CPU, which Node 20 allowed.
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env } },
      integration("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("postgresql")] : []),
    ],
  },
});
