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

/** Integration files whose outcome does not depend on the database server (see the exclusions below). */
const backendAgnostic = [
  "account-mail",
  "admin-automation",
  "admin-departments",
  "admin-inbound",
  "admin-intake",
  "admin-mailboxes",
  "admin-names-localized",
  "admin-organizations",
  "admin-people",
  "admin-sla-settings",
  "api-tokens",
  "authorized-contacts",
  "call-requests",
  "canned-replies",
  "google-sign-in",
  "kb-and-organization",
  "mail-plurals",
  "mailed-messages-view",
  "openapi-document",
  "output-contracts",
  "priority-policy",
  "sign-in",
  "trpc-profile",
]
  .map((name) => `tests/integration/${name}.int.test.ts`)
  .concat(
    ["account-enumeration", "csv-injection", "google-pre-registration", "input-sanitation", "weak-passwords"].map(
      (name) => `tests/security/${name}.int.test.ts`,
    ),
  );

const integration = (backend: "pglite" | "postgresql"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration:${backend}`,
    include: ["tests/integration/**/*.int.test.ts", "tests/security/**/*.int.test.ts"],
    // The drift check compares schema.prisma with the migrations on its own shadow PGlite, and the
    // automation command test drives the embedded database of its own DATA_DIR: neither depends on
    // the backend, so they run once (as do the mailbox sources' tests, against Dovecot).
    exclude:
      backend === "postgresql"
        ? [
            "tests/integration/schema-drift.int.test.ts",
            "tests/integration/automation-command.int.test.ts",
            // The mailbox sources talk to their own Dovecot; what they store is the same on both backends.
            "tests/integration/mailbox-*.int.test.ts",
            // The corpus exercises the parser and the pipeline's decisions; inbound-mail.int.test.ts
            // covers the same pipeline on PostgreSQL.
            "tests/integration/inbound-corpus.int.test.ts",
            // Rules over plain reads and writes of one request at a time — validation, wording, mail
            // texts, admin forms — behave the same on either backend: they run on PGlite only. What
            // stays on PostgreSQL is what the backend can change: lists, search, reports and exports
            // (SQL the planner runs), concurrency and locks (ticks, counters, outbox, dispatcher,
            // CAPTCHA replay), transactions and rollbacks (the fuzz), realtime, REST and migrations.
            ...backendAgnostic,
          ]
        : process.env.TEST_DATABASE_URL
          ? [
              // The procedure fuzz (200 inputs × every procedure × five roles) is the longest file of
              // the run; it tests the procedures' refusals and rollbacks, not the backend, so with a
              // PostgreSQL server at hand it runs there only (about half the time it takes on PGlite).
              "tests/security/fuzz.int.test.ts",
            ]
          : [],
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
