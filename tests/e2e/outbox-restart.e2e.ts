// The outbox across a restart: 1 000 mails are waiting; Mesa starts sending them through a real SMTP
// server, is stopped (SIGTERM) in the middle, and started again. The SMTP server receives every
// mail exactly once: the mail in flight at shutdown finishes, nothing already sent goes again, and
// nothing is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startMailbox } from "../support/mailbox";

const PORT = 3120;
const COUNT = 1000;

test("a server stopped while 1 000 mails are in the outbox sends each exactly once after it starts again", async () => {
  test.setTimeout(240_000);
  const mailbox = await startMailbox({ delayMs: 2 });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mesa-outbox-"));
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    SMTP_URL: mailbox.url,
    MAIL_FROM: "Mesa <no-reply@mesa.test>",
    AUTOMATION_INTERVAL_SECONDS: "0",
  };
  const tsx = ["--import", "tsx"];
  execFileSync(process.execPath, [...tsx, "tests/e2e/support/fill-outbox.ts", String(COUNT)], { env, stdio: "pipe" });

  const start = async (): Promise<ChildProcess> => {
    const server = spawn(process.execPath, [...tsx, "server/main.ts"], { env, stdio: "ignore" });
    await expect
      .poll(async () => (await fetch(`http://localhost:${PORT}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000 })
      .toBe(200);
    return server;
  };
  const stop = (server: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      server.once("exit", (code) => resolve(code));
      server.kill("SIGTERM");
    });

  try {
    const first = await start();
    await expect.poll(() => mailbox.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
    expect(await stop(first)).toBe(0);
    const atStop = mailbox.received.length;
    expect(atStop).toBeLessThan(COUNT); // stopped mid-way

    const second = await start();
    await expect.poll(() => mailbox.received.length, { timeout: 120_000 }).toBeGreaterThanOrEqual(COUNT);
    // Let any straggler arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stop(second)).toBe(0);

    const ids = mailbox.received.map((m) => m.messageId);
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    expect(new Set(mailbox.received.map((m) => m.subject))).toEqual(new Set(Array.from({ length: COUNT }, (_, i) => `Outbox ${i}`)));
  } finally {
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
