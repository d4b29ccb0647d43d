// `npm run automation -- --at … [--dry-run]` while Mesa is not running: the command opens the
// embedded database itself, prints what it changed (or would change), and changes it.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open";
import { seedDemo } from "../../server/seed/demo";
import { callerFor, signedIn } from "../support/factories";

const run = promisify(execFile);
const DAY = 86_400_000;
const resolvedAt = new Date("2026-11-02T10:00:00Z");
let dataDir: string;
let reference: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "mesa-automation-"));
  const database = await openDatabase({ dataDir });
  await seedDemo(database.db);
  const { db } = database;
  const partner = await signedIn(db, (await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } })).id);
  const agent = await signedIn(db, (await db.user.findUniqueOrThrow({ where: { email: "agent@demo.test" } })).id);
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const ticket = await callerFor(db, partner, "es", new Date(+resolvedAt - DAY)).tickets.create({
    type: "incident",
    departmentId: dept.id,
    categoryId: dept.categories[0]!.id,
    organizationId: null,
    serviceIds: [],
    watcherIds: [],
    subject: "Por la línea de órdenes",
    description: "Detalle",
  });
  reference = ticket.reference;
  await callerFor(db, agent, "es", resolvedAt).tickets.setStatus({ ticket: ticket.id, status: "resolved" });
  await database.close();
}, 60_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function automation(...args: string[]): Promise<string> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "", NODE_ENV: "development" as const, PORT: "3999" };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/automation.ts", ...args], {
    env,
    cwd: path.resolve(import.meta.dirname, "../.."),
  });
  return stdout;
}

describe("the automation command without a running server", () => {
  it("previews, changes nothing a day early, then closes the ticket 8 days after it was resolved", async () => {
    const eightDays = new Date(+resolvedAt + 8 * DAY).toISOString();
    const preview = await automation("--at", eightDays, "--dry-run");
    expect(preview).toContain("on the database directly");
    expect(preview).toContain(`${reference}: resolved → closed (would change)`);

    expect(await automation("--at", new Date(+resolvedAt + 6 * DAY).toISOString())).toContain("no ticket is due");

    const done = await automation("--at", eightDays);
    expect(done).toContain(`${reference}: resolved → closed`);
    expect(done).not.toContain("would change");

    const database = await openDatabase({ dataDir });
    try {
      const ticket = await database.db.ticket.findFirstOrThrow({
        where: { subject: "Por la línea de órdenes" },
        include: { messages: { include: { event: true } } },
      });
      expect(ticket.status).toBe("closed");
      expect(ticket.messages.some((m) => m.kind === "system" && m.event?.detail === "auto:7:calendar")).toBe(true);
    } finally {
      await database.close();
    }
    expect(await automation("--at", eightDays)).toContain("no ticket is due");
  }, 120_000);
});
