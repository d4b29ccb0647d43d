// Exactly once across a crash: 200 mails wait in a real IMAP mailbox (Dovecot); Mesa starts fetching
// and processing them, is killed with SIGKILL in the middle — no graceful anything — and started
// again. Afterwards every mail is in exactly one ticket, once, and every sender got one confirmation:
// one Message-ID each. SMTP has no two-phase commit, so a mail the provider accepted in the instant
// before the kill (at most the outbox's 3 in flight) is sent again after the restart with the same
// Message-ID, which mail clients and MTAs treat as the same message.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startDovecot } from "../support/dovecot";
import { startMailbox } from "../support/mailbox";
import { buildMail } from "../support/mail-builder";

const PORT = 3121;
const COUNT = 200;
const tsx = ["--import", "tsx"];

test("a server killed (SIGKILL) while 200 mails are being fetched puts each in exactly one ticket, once, after a restart", async () => {
  test.setTimeout(360_000);
  const smtp = await startMailbox();
  const dovecot = await startDovecot();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mesa-inbound-"));
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Mesa <no-reply@mesa.test>",
    // The tick also resends what the killed process had claimed in the outbox, once its lease ran out.
    AUTOMATION_INTERVAL_SECONDS: "10",
    MAILBOX_POLL_SECONDS: "5",
    CAPTCHA: "off",
  };
  const confirmed = () => new Set(smtp.received.flatMap((m) => [m.to ?? []].flat().flatMap((to) => to.value.map((a) => a.address)))).size;
  const start = async (): Promise<ChildProcess> => {
    const server = spawn(process.execPath, [...tsx, "server/main.ts"], { env, stdio: "ignore" });
    await expect
      .poll(async () => (await fetch(`http://localhost:${PORT}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000 })
      .toBe(200);
    return server;
  };
  const exited = (server: ChildProcess) => new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    await dovecot.addUser("intake", "intake-password");
    for (let i = 0; i < COUNT; i++) {
      const raw = await buildMail({
        from: `cliente-${i}@restart.test`,
        to: "ventas@demo.test",
        subject: `Reinicio ${i}`,
        text: `Consulta número ${i}.`,
      });
      await dovecot.deliver("intake", raw);
    }
    execFileSync(
      process.execPath,
      [...tsx, "tests/e2e/support/inbound-setup.ts", dovecot.host, String(dovecot.imapPort), "intake", "intake-password"],
      {
        env,
        stdio: "pipe",
      },
    );

    const first = await start();
    await expect.poll(confirmed, { timeout: 120_000, intervals: [50] }).toBeGreaterThanOrEqual(20);
    const gone = exited(first);
    first.kill("SIGKILL");
    await gone;
    expect(confirmed()).toBeLessThan(COUNT); // killed mid-way

    const second = await start();
    // Within the leases the killed process held (inbound mail 60 s, outbox 120 s) and a tick.
    await expect.poll(confirmed, { timeout: 200_000 }).toBe(COUNT);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // any straggler would arrive now
    const stopped = exited(second);
    second.kill("SIGTERM");
    await stopped;

    // One confirmation per sender (one Message-ID each; a resend of a mail in flight at the kill
    // carries the same one), and in the database one ticket per mail with its one message.
    const idsBySender = new Map<string, Set<string>>();
    for (const mail of smtp.received)
      for (const to of [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address!)))
        idsBySender.set(to, (idsBySender.get(to) ?? new Set()).add(mail.messageId!));
    expect(idsBySender.size).toBe(COUNT);
    expect([...idsBySender.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(smtp.received.length - COUNT).toBeLessThanOrEqual(3); // the outbox sends 3 at a time
    const report = JSON.parse(
      execFileSync(process.execPath, [...tsx, "tests/e2e/support/inbound-setup.ts", "report"], { env, encoding: "utf8" }),
    ) as { tickets: { subject: string; messages: number }[]; mails: { status: string; outcome: string; _count: number }[] };
    expect(report.tickets.map((t) => t.subject).sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `Reinicio ${i}`).sort());
    expect(report.tickets.every((t) => t.messages === 1)).toBe(true);
    expect(report.mails).toEqual([{ status: "processed", outcome: "ticket_created", _count: COUNT }]);
  } finally {
    await dovecot.stop();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
