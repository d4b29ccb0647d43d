// `npm run automation -- [--at <ISO date-time>] [--dry-run]`: one automation tick, as if it were
// `--at` (default: now), printing what it changed (or, with --dry-run, what it would change).
// On the embedded database only one process may open DATA_DIR: while Mesa runs, the tick is asked
// of the running server through /api/cron/tick (with CRON_SECRET); otherwise this process opens the
// database itself.
import { parseArgs } from "node:util";
import { loadStartupConfig } from "../server/boot/config";
import { dataDirHolder } from "../server/boot/data-dir-lock";
import { openConfiguredDatabase } from "../server/boot/database";
import { runTick, type TickReport } from "../server/automation/tick";
import { stopOutbox } from "../server/notifications/outbox";

const { values } = parseArgs({ options: { at: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(+at)) {
  console.error(`--at must be an ISO date-time such as 2026-12-01T09:00:00Z (got ${values.at})`);
  process.exit(2);
}
const dryRun = values["dry-run"] ?? false;
const env = await loadStartupConfig();

function print(report: TickReport, via: string): void {
  console.info(`Automation tick at ${report.at}${report.dryRun ? " (dry run: nothing changed)" : ""} — ${via}`);
  for (const t of report.transitions) console.info(`  ${t.reference}: ${t.from} → ${t.to}${report.dryRun ? " (would change)" : ""}`);
  if (!report.transitions.length) console.info("  no ticket is due for an automatic change");
  if (!report.dryRun)
    console.info(`  SLA alerts: ${report.slaAlerts.length} · mails sent: ${report.mails.sent}, failed: ${report.mails.failed}`);
}

const holder = env.DATABASE_URL ? null : await dataDirHolder(env.DATA_DIR);
if (holder) {
  const response = await fetch(`http://127.0.0.1:${env.PORT}/api/cron/tick`, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.CRON_SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ at: at.toISOString(), dryRun }),
  }).catch((error: unknown) => {
    console.error(`Mesa (process ${holder}) holds ${env.DATA_DIR} but does not answer on port ${env.PORT}: ${(error as Error).message}`);
    process.exit(1);
  });
  if (!response.ok) {
    console.error(`The running server refused the tick: ${response.status} ${await response.text()}`);
    process.exit(1);
  }
  print((await response.json()) as TickReport, `through the running server (process ${holder})`);
} else {
  const database = await openConfiguredDatabase(env);
  try {
    print(await runTick(database.db, at, { dryRun }), `on the database directly (${database.kind})`);
  } finally {
    await stopOutbox();
    await database.close();
  }
}
