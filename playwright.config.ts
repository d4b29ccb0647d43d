// End-to-end tests: Chromium against the BUILT app (`next build` first), served by server/main.ts in
// production mode on a fresh embedded database, with a real SMTP server and a local OpenID provider
// standing in for Google (tests/e2e/support/fixtures-server.ts). With TEST_DATABASE_URL set, a second
// app on a fresh PostgreSQL database runs the @smoke tests too, and the @nodes and @dataset ones
// (project "postgres").
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { e2eDatabaseName, e2ePostgresUrl } from "./tests/e2e/support/databases";
import { FIXTURES } from "./tests/e2e/support/fixtures-config";

// Outside the repository: the embedded database must never end up in a commit.
const dataRoot = path.join(os.tmpdir(), "mesa-e2e");
const tsx = "node --import tsx";

// Debian's Chromium: Playwright's own browsers cannot be downloaded here.
const chromium = "/usr/bin/chromium";
const launchOptions = {
  ...(existsSync(chromium) ? { executablePath: chromium } : {}),
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

/** What every app server of the run shares: production build, our SMTP and OpenID provider. */
const appEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: `smtp://${FIXTURES.host}:${FIXTURES.smtpPort}`,
  MAIL_FROM: "Mesa E2E <no-reply@mesa.test>",
  GOOGLE_CLIENT_ID: "mesa-e2e-client",
  GOOGLE_CLIENT_SECRET: "mesa-e2e-client-secret",
  GOOGLE_ISSUER: FIXTURES.oidcIssuer,
  TRUST_PROXY: "false",
  STAFF_EMAIL_DOMAINS: "",
  // Off on every app but the main one (below), which the CAPTCHA tests need: no extra server to start.
  CAPTCHA: "off",
  // The inbound mail webhook (tests/e2e/email-reply.e2e.ts posts a mailed answer to it).
  INBOUND_EMAIL_SECRET: "e2e-inbound-secret-0123456789abcdef",
};

type WebServer = NonNullable<Extract<PlaywrightTestConfig["webServer"], unknown[]>>[number];

/** Each app starts from an empty DATA_DIR (prepare-app.ts, which also creates a PostgreSQL
 * database unless E2E_SECOND_NODE says another app already did); `seed` loads the demo data. */
function appServer(port: number, extra: Record<string, string>, seed: boolean): WebServer {
  const steps = [`${tsx} tests/e2e/support/prepare-app.ts`, ...(seed ? [`${tsx} scripts/seed.ts`] : []), `${tsx} server/main.ts`];
  return {
    name: `app:${port}`,
    command: steps.join(" && "),
    url: `http://localhost:${port}/api/health`,
    env: {
      ...appEnv,
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      DATA_DIR: path.join(dataRoot, `app-${port}`),
      ...extra,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  };
}

// One database name for the whole run: workers load this file again and inherit the environment.
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim();
if (testDatabaseUrl) process.env.MESA_E2E_DATABASE ??= e2eDatabaseName();

const webServer: WebServer[] = [
  {
    name: "fixtures",
    command: `${tsx} tests/e2e/support/fixtures-server.ts`,
    url: `${FIXTURES.apiUrl}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
  // The CAPTCHA on: tests/e2e/captcha.e2e.ts; the other flows that register or ask for a reset solve
  // it too (the form's widget, or tests/e2e/support/captcha.ts over HTTP).
  appServer(3100, { CAPTCHA: "on" }, false),
];
const projects: PlaywrightTestConfig["projects"] = [
  // @nodes tests need two app processes on one PostgreSQL database; @dataset tests write their data
  // into the app's database, which only PostgreSQL lets a second process open.
  { name: "pglite", grepInvert: /@nodes|@dataset|@quiet/, use: { baseURL: "http://localhost:3100" } },
  // @quiet tests compare two reads of the whole desk (a report's table and its CSV): they run on the
  // same app once every other test of it has finished, so no other journey writes in between.
  { name: "pglite-quiet", grep: /@quiet/, dependencies: ["pglite"], use: { baseURL: "http://localhost:3100" } },
];

if (testDatabaseUrl) {
  const postgresEnv = {
    DATABASE_URL: e2ePostgresUrl(testDatabaseUrl),
    E2E_ADMIN_DATABASE_URL: testDatabaseUrl,
    // Production with DATABASE_URL requires real secrets (none are generated).
    NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdefghijklmnop",
    APP_ENCRYPTION_KEY: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    CRON_SECRET: "e2e-cron-secret-0123456789",
  };
  // Node A creates, migrates and seeds the database; node B (started after A answers) joins it.
  webServer.push(appServer(3101, postgresEnv, true), appServer(3102, { ...postgresEnv, E2E_SECOND_NODE: "1" }, false));
  projects.push({ name: "postgres", grep: /@smoke|@nodes|@dataset/, use: { baseURL: "http://localhost:3101" } });
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.ts",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    locale: "en-US",
    colorScheme: "light",
    launchOptions,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects,
  webServer,
});
