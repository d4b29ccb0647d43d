// Fuzzing every tRPC procedure, as the security review asked: for each role (anonymous, customer,
// organization admin, agent, site admin) and each procedure of the router, at least 200 inputs
// generated from the procedure's own zod schema by a seeded PRNG, mixing valid-looking values (real
// ids from the demo database) with hostile ones (tests/support/fuzz.ts). Two properties:
//   1. no call answers with an HTTP status ≥ 500, and every refusal renders in the caller's
//      language (no raw message key);
//   2. a refused mutation wrote nothing: row-level triggers count every inserted, updated or
//      deleted row per table, in the writing transaction (a rolled-back write counts nothing), and
//      the counts must be the same before and after the call. Successful calls may write; the
//      after-commit work they queue runs, as on the server, before the next call.
// The roles share one demo world (one PGlite instance: opening and closing five in one worker
// thread once crashed V8's WebAssembly code allocator) and run from the least to the most
// powerful, so the site admin's changes (permissions, calendars, policies) come last; before each
// role the demo memberships and ticketing access are restored and fresh tickets are opened, so one
// role's successful changes (closed or transferred tickets, a removed member) never narrow the next.
// No procedure is excluded.
//
// Replay: the run seed is printed; FUZZ_SEED, FUZZ_CASES, FUZZ_ROLES (comma-separated) and
// FUZZ_ONLY (a procedure path prefix) narrow a run. Each (seed, role, procedure) has its own PRNG,
// so a failure replays with FUZZ_ONLY set to its procedure; its input is printed as well (ids in it
// are the demo world's, which are new on each run).
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "../../server/access/principal";
import { dispatchPending } from "../../server/after-commit/dispatcher";
import type { Db } from "../../server/db";
import type { AppError } from "../../server/errors/app-error";
import { ticketTypes } from "../../server/domain/priority-rules";
import { locales } from "../../server/i18n/locales";
import { DEMO_PASSWORD } from "../../server/seed/demo";
import { formatError } from "../../server/trpc/error-format";
import { appRouter, createCaller } from "../../server/trpc/router";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { Rng, describeInput, generateInput, seedOf, type Hints } from "../support/fuzz";

const SEED = Number(process.env.FUZZ_SEED ?? 0x4d657361);
const CASES = Number(process.env.FUZZ_CASES ?? 200);
const ONLY = process.env.FUZZ_ONLY ?? "";
const roles = ["anonymous", "partner", "orgadmin", "agent", "admin"] as const;
type Role = (typeof roles)[number];
const chosenRoles = process.env.FUZZ_ROLES ? roles.filter((r) => process.env.FUZZ_ROLES!.split(",").includes(r)) : roles;
const emails: Record<Exclude<Role, "anonymous">, string> = {
  partner: "partner@demo.test",
  orgadmin: "orgadmin@demo.test",
  agent: "agent@demo.test",
  admin: "admin@demo.test",
};

interface Procedure {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures);

/** Procedures left out, each with its reason. None so far: every procedure is fuzzed for every role. */
const excluded: Record<string, string> = {};

// ---------------------------------------------------------------------------------------------
// The world each role is fuzzed in.

interface Pools {
  ticketRefs: string[];
  messageIds: string[];
  userIds: string[];
  staffIds: string[];
  acmeMemberIds: string[];
  organizationIds: string[];
  departmentIds: number[];
  categoryIds: number[];
  serviceIds: string[];
  calendarIds: number[];
  ruleIds: number[];
}

async function seedTickets(world: DemoWorld) {
  const { db } = world;
  const as = (user: Principal) => createCaller({ db, user, locale: "en", now: new Date() });
  const partner = await world.login("partner@demo.test");
  const orgadmin = await world.login("orgadmin@demo.test");
  const partner2 = await world.login("partner2@demo.test");
  const agent = await world.login("agent@demo.test");
  const departments = await db.department.findMany({ include: { categories: true }, orderBy: { id: "asc" } });
  const support = departments.find((d) => d.slug === "soporte-tecnico")!;
  const sales = departments.find((d) => d.slug === "ventas")!;
  const billing = departments.find((d) => d.slug === "facturacion")!;
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" }, include: { services: true } });
  const globex = await db.organization.findUniqueOrThrow({ where: { name: "Globex" } });
  const open = (user: Principal, department: (typeof departments)[number], organizationId: string | null, extra: object = {}) =>
    as(user).tickets.create({
      type: ticketTypes[0],
      departmentId: department.id,
      categoryId: department.categories[0]!.id,
      organizationId,
      subject: `Fuzz seed ticket in ${department.name}`,
      description: "The mail server rejects our messages since this morning.",
      ...extra,
    });
  const first = await open(partner, support, acme.id, { serviceIds: [acme.services[0]!.id], sensitive: "root password: hunter2" });
  const second = await open(partner, support, acme.id);
  const third = await open(partner, sales, null);
  await open(orgadmin, billing, acme.id, { watcherIds: [partner.id] });
  await open(partner2, sales, globex.id);
  await as(agent).tickets.reply({ ticket: first.reference, body: "We are looking into it." });
  await as(agent).tickets.reply({ ticket: first.reference, body: "Internal: check the MX records.", internal: true });
  await as(agent).tickets.setStatus({ ticket: second.reference, status: "resolved" });
  await as(partner).tickets.reply({ ticket: third.reference, body: "Any news?" });
  await dispatchPending(db);
}

/** What an earlier role may have changed and a later one needs: the demo memberships and ticketing
 * access (an organization admin may remove or demote members, a site admin withdraw permissions). */
async function restoreDemoAccess(db: Db): Promise<void> {
  const orgs = [
    ["partner@demo.test", "Acme Hosting", "member"],
    ["orgadmin@demo.test", "Acme Hosting", "admin"],
    ["partner2@demo.test", "Globex", "member"],
  ] as const;
  for (const [email, name, role] of orgs) {
    const [user, org] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email } }),
      db.organization.findUniqueOrThrow({ where: { name } }),
    ]);
    const key = { userId_organizationId: { userId: user.id, organizationId: org.id } };
    await db.membership.upsert({ where: key, create: { userId: user.id, organizationId: org.id, role }, update: { role } });
  }
  for (const email of [...Object.values(emails), "partner2@demo.test"]) {
    const { id: userId } = await db.user.findUniqueOrThrow({ where: { email } });
    const key = { userId_permission: { userId, permission: "can_access_ticketing" as const } };
    await db.userPermission.upsert({ where: key, create: { userId, permission: "can_access_ticketing" }, update: {} });
  }
}

async function poolsOf(db: Db): Promise<Pools> {
  const [tickets, messages, users, orgs, departments, categories, services, calendars, rules, acme] = await Promise.all([
    db.ticket.findMany({ select: { id: true, number: true } }),
    db.message.findMany({ select: { id: true } }),
    db.user.findMany({ select: { id: true, role: true } }),
    db.organization.findMany({ select: { id: true } }),
    db.department.findMany({ select: { id: true } }),
    db.category.findMany({ select: { id: true } }),
    db.service.findMany({ select: { id: true } }),
    db.businessCalendar.findMany({ select: { id: true } }),
    db.priorityRule.findMany({ select: { id: true } }),
    db.membership.findMany({ where: { organization: { name: "Acme Hosting" } }, select: { userId: true } }),
  ]);
  return {
    ticketRefs: tickets.flatMap((t) => [`TK-${String(t.number).padStart(6, "0")}`, t.id, String(t.number)]),
    messageIds: messages.map((m) => m.id),
    userIds: users.map((u) => u.id),
    staffIds: users.filter((u) => u.role !== "partner").map((u) => u.id),
    acmeMemberIds: acme.map((m) => m.userId),
    organizationIds: orgs.map((o) => o.id),
    departmentIds: departments.map((d) => d.id),
    categoryIds: categories.map((c) => c.id),
    serviceIds: services.map((s) => s.id),
    calendarIds: calendars.map((c) => c.id),
    ruleIds: rules.map((r) => r.id),
  };
}

/** Valid-looking values by field name; `rng.chance` keeps some unknown ids among the real ones. */
function hintsFor(pools: Pools, now: Date): Hints {
  const real =
    <T>(items: T[], unknown: (rng: Rng) => unknown) =>
    (rng: Rng) =>
      items.length && rng.chance(0.85) ? rng.pick(items) : unknown(rng);
  const uuid = (rng: Rng) => rng.uuid();
  const day = (offsetDays: number) => new Date(+now + offsetDays * 864e5).toISOString().slice(0, 10);
  return {
    ticket: (rng) => real(pools.ticketRefs, (r) => `TK-${r.int(900, 999_999)}`)(rng),
    messageId: (rng) => real(pools.messageIds, uuid)(rng),
    userId: (rng) => real(pools.userIds, uuid)(rng),
    assigneeId: (rng) => real(pools.staffIds, uuid)(rng),
    organizationId: (rng) => real(pools.organizationIds, uuid)(rng),
    departmentId: (rng) => real(pools.departmentIds, (r) => r.int(100, 10_000))(rng),
    "departmentId[]": (rng) => real(pools.departmentIds, (r) => r.int(100, 10_000))(rng),
    "sensitiveDepartmentIds[]": (rng) => real(pools.departmentIds, (r) => r.int(100, 10_000))(rng),
    categoryId: (rng) => real(pools.categoryIds, (r) => r.int(100, 10_000))(rng),
    calendarId: (rng) => real(pools.calendarIds, (r) => r.int(100, 10_000))(rng),
    id: (rng, procedure) =>
      procedure.startsWith("admin.calendars.")
        ? real(pools.calendarIds, (r) => r.int(100, 10_000))(rng)
        : procedure.startsWith("admin.priorityRules.")
          ? real(pools.ruleIds, (r) => r.int(100, 10_000))(rng)
          : undefined,
    "serviceIds[]": (rng) => real(pools.serviceIds, uuid)(rng),
    "watcherIds[]": (rng) => real(pools.acmeMemberIds, uuid)(rng),
    attachmentIds: () => [],
    cursor: (rng) =>
      real(
        pools.ticketRefs.filter((r) => r.includes("-") && r.length > 20),
        uuid,
      )(rng),
    email: (rng) => (rng.chance(0.4) ? rng.pick(Object.values(emails)) : `fuzz-${rng.int(0, 1e9)}@example.test`),
    password: () => "a fresh password 123",
    next: () => "a fresh password 123",
    current: (rng) => (rng.chance(0.3) ? DEMO_PASSWORD : "not the password"),
    token: (rng) =>
      Array.from({ length: 43 }, () => rng.pick([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"])).join(""),
    phone: () => "+34 600 123 456",
    timeZone: (rng) => rng.pick(["Europe/Madrid", "UTC", "America/Sao_Paulo", "Asia/Tokyo"]),
    country: (rng) => rng.pick(["ES", "FR", "BR", "US"]),
    holidayCountry: (rng) => rng.pick(["ES", "FR", "BR", "US"]),
    holidayRegion: (rng) => rng.pick(["MD", "CT", "SP"]),
    startTime: () => "09:00",
    endTime: () => "18:00",
    workingDays: () => [1, 2, 3, 4, 5],
    extraHolidays: () => [day(30)],
    from: () => day(-365),
    to: () => day(1),
    windowStart: () => new Date(+now + 864e5),
    windowEnd: () => new Date(+now + 864e5 + 2 * 3_600_000),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes, counted per table by row-level triggers inside the writing transaction.

async function installWriteCounters(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND left(c.relname, 1) <> '_'`;
  await db.$executeRawUnsafe(`CREATE TABLE "_fuzz_writes" ("table" text PRIMARY KEY, n bigint NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE FUNCTION "_fuzz_count"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "_fuzz_writes" VALUES (TG_TABLE_NAME, 1) ON CONFLICT ("table") DO UPDATE SET n = "_fuzz_writes".n + 1;
      RETURN NULL;
    END $$`);
  for (const { name } of tables) {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "_fuzz_count" AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION "_fuzz_count"()`,
    );
  }
  expect(tables.length).toBeGreaterThan(20);
}

const writes = async (db: Db) =>
  (
    await db.$queryRaw<
      { fp: string }[]
    >`SELECT coalesce(string_agg("table" || '=' || n, ' ' ORDER BY "table"), '') AS fp FROM "_fuzz_writes"`
  )[0]!.fp;

/** The tables whose write count differs, e.g. "Ticket +1". */
function writeDiff(before: string, after: string): string {
  const parse = (fp: string) =>
    new Map(
      fp
        .split(" ")
        .filter(Boolean)
        .map((e) => e.split("=") as [string, string]),
    );
  const [b, a] = [parse(before), parse(after)];
  return [...a]
    .filter(([t, n]) => b.get(t) !== n)
    .map(([t, n]) => `${t} +${Number(n) - Number(b.get(t) ?? 0)}`)
    .join(", ");
}

// ---------------------------------------------------------------------------------------------
// Calling.

async function callPath(caller: unknown, path: string, input: unknown): Promise<void> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  const result = await fn(input);
  // tickets.export streams: drain it, as the browser does.
  if (result && typeof result === "object" && Symbol.asyncIterator in result)
    for await (const chunk of result as AsyncIterable<unknown>) void chunk;
}

const rawKey = /^(Errors|Validation)\./;

/** The database as the procedures get it, counting every use: a refused call that never touched it
 * wrote nothing, and its write count need not be read (most refusals come before any query). */
function countingDb(db: Db): { db: Db; uses: () => number } {
  let uses = 0;
  const proxy = new Proxy(db, {
    get(target, key) {
      uses++;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, uses: () => uses };
}

/** Whether a refusal renders in the caller's language, once per kind of refusal (rendering builds a translator). */
const translatedCache = new Map<string, string | null>();
function untranslated(error: TRPCError, locale: (typeof locales)[number]): string | null {
  const issues = (error.cause as { issues?: { message: string }[] } | undefined)?.issues?.map((i) => i.message).join("|") ?? "";
  const key = `${locale} ${error.code} ${error.message} ${(error.cause as AppError | undefined)?.messageKey ?? ""} ${issues}`;
  let verdict = translatedCache.get(key);
  if (verdict === undefined) {
    const formatted = formatError(error, locale);
    const texts = [formatted.message, ...Object.values(formatted.fieldErrors ?? {})];
    verdict = texts.some((t) => !t || rawKey.test(t)) ? JSON.stringify(formatted) : null;
    translatedCache.set(key, verdict);
  }
  return verdict;
}

interface Stats {
  calls: number;
  refused: number;
  succeeded: number;
  byStatus: Record<number, number>;
  perProcedure: Map<string, number>;
  /** Milliseconds per procedure, to see where the time goes. */
  time: Map<string, number>;
  /** Milliseconds spent generating inputs, calling, counting writes and dispatching. */
  phases: Record<"generate" | "call" | "writes" | "dispatch", number>;
}

async function fuzzRole(role: Role, world: DemoWorld, failures: string[], stats: Stats): Promise<void> {
  {
    const { db } = world;
    await restoreDemoAccess(db);
    await seedTickets(world);
    const user = role === "anonymous" ? null : await world.login(emails[role]);
    const now = new Date();
    const hints = hintsFor(await poolsOf(db), now);
    let baseline = await writes(db);
    let dirty = false;
    for (const [path, procedure] of procedures) {
      if (procedure._def.type === "subscription" || excluded[path] || !path.startsWith(ONLY)) continue;
      const rng = new Rng(seedOf(SEED, role, path));
      const mutation = procedure._def.type === "mutation";
      const procedureStarted = performance.now();
      for (let i = 0; i < CASES; i++) {
        let mark = performance.now();
        const lap = (phase: keyof Stats["phases"]) => {
          const t = performance.now();
          stats.phases[phase] += t - mark;
          mark = t;
        };
        const { input, strategy } = generateInput(procedure._def.inputs, rng, { hints, procedure: path, now }, i);
        lap("generate");
        const locale = rng.pick(locales);
        const where = () => `${role} ${path} #${i} (${strategy}, seed ${SEED}): ${describeInput(input)}`;
        if (mutation && dirty) {
          baseline = await writes(db);
          dirty = false;
          lap("writes");
        }
        let error: unknown;
        const counted = countingDb(db);
        try {
          await callPath(createCaller({ db: counted.db, user, locale, now: new Date() }), path, input);
        } catch (e) {
          error = e;
        }
        lap("call");
        stats.calls++;
        stats.perProcedure.set(`${role} ${path}`, (stats.perProcedure.get(`${role} ${path}`) ?? 0) + 1);
        if (error === undefined) {
          stats.succeeded++;
          stats.byStatus[200] = (stats.byStatus[200] ?? 0) + 1;
          if (mutation) {
            await dispatchPending(db);
            lap("dispatch");
            baseline = await writes(db);
            lap("writes");
          } else dirty = true;
          continue;
        }
        stats.refused++;
        const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 500;
        stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
        if (status >= 500) {
          const cause = error instanceof TRPCError ? error.cause : error;
          failures.push(
            `${status} ${where()}\n    → ${String((cause as Error)?.message ?? cause)
              .split("\n")
              .filter(Boolean)
              .slice(-2)
              .join(" | ")
              .slice(0, 300)}`,
          );
        } else if (error instanceof TRPCError) {
          const shown = untranslated(error, locale);
          if (shown) failures.push(`untranslated ${status} ${where()}\n    → ${shown}`);
        }
        if (mutation && counted.uses() > 0) {
          const after = await writes(db);
          lap("writes");
          if (after !== baseline) {
            failures.push(`refused call wrote (${writeDiff(baseline, after)}) ${where()}`);
            baseline = after;
          }
        }
      }
      stats.time.set(path, performance.now() - procedureStarted);
    }
  }
}

// ---------------------------------------------------------------------------------------------

let world: DemoWorld;
let restoreConsole: () => void;
beforeAll(async () => {
  world = await openDemoWorld();
  await installWriteCounters(world.db);
  // Without SMTP_URL every mail is printed to the log: thousands of them, some a megabyte long.
  const info = vi.spyOn(console, "info").mockImplementation(() => {});
  restoreConsole = () => info.mockRestore();
  console.log(`fuzz: seed ${SEED}, ${CASES} inputs per procedure and role, ${procedures.length} procedures`);
});
afterAll(async () => {
  restoreConsole?.();
  await world?.close();
});

describe("fuzzing every tRPC procedure", () => {
  it.each(chosenRoles)(
    "as %s: no answer ≥ 500, every refusal translated, nothing written by a refused call",
    async (role) => {
      const failures: string[] = [];
      const stats: Stats = {
        calls: 0,
        refused: 0,
        succeeded: 0,
        byStatus: {},
        perProcedure: new Map(),
        time: new Map(),
        phases: { generate: 0, call: 0, writes: 0, dispatch: 0 },
      };
      const started = performance.now();
      await fuzzRole(role, world, failures, stats);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const slowest = [...stats.time]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)}s`);
      console.log(
        `fuzz ${role}: ${stats.calls} calls in ${seconds}s, ${stats.succeeded} succeeded, by status ${JSON.stringify(stats.byStatus)}; ms ${JSON.stringify(stats.phases, (k, v) => (typeof v === "number" ? Math.round(v) : v))}; slowest: ${slowest.join(", ")}`,
      );
      if (!ONLY) {
        const fuzzed = procedures.filter(([p, proc]) => proc._def.type !== "subscription" && !excluded[p]);
        expect(fuzzed.filter(([p]) => (stats.perProcedure.get(`${role} ${p}`) ?? 0) < CASES).map(([p]) => p)).toEqual([]);
      }
      expect(failures.slice(0, Number(process.env.FUZZ_SHOW ?? 40)), `${failures.length} failures (seed ${SEED})`).toEqual([]);
    },
    180_000,
  );
});
