// The ticket list reads each source of a viewer's scope (their departments, organizations, own and
// followed tickets) as a branch of its own and merges the pages (server/tickets/list-query.ts).
// Whatever the sort, direction, filter or keyword, what a person pages through must be exactly
// the tickets the visibility rule gives them, each once, in the order asked, whether they page by
// cursor or by number, and the count must agree. The expected lists are worked out here from the
// rows written, independently of the SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import type { Principal } from "../../server/access/principal";
import { statuses } from "../../server/domain/state-machine";
import { upsertUser } from "../../server/seed/demo";
import { listTicketsInput, type ListTicketsInput } from "../../server/trpc/tickets/list.schema";
import { indexMessage } from "../../server/tickets/message-search";
import { callerFor, signedIn, uniqueEmail } from "../support/factories";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";

let world: DemoWorld;
let db: Db;
const who: Record<"orgAdmin" | "partner" | "agent" | "admin", Principal> = {} as never;

interface Row {
  id: string;
  status: (typeof statuses)[number];
  createdAt: Date;
  updatedAt: Date;
  slaDueAt: Date | null;
  organizationId: string | null;
  departmentId: number;
  requesterId: string;
  watcherIds: string[];
  subject: string;
  body: string;
}
const rows: Row[] = [];

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  who.orgAdmin = await world.login("orgadmin@demo.test");
  who.partner = await world.login("partner@demo.test");
  who.agent = await world.login("agent@demo.test");
  who.admin = await world.login("admin@demo.test");
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const globex = await db.organization.findUniqueOrThrow({ where: { name: "Globex" } });
  const departments = await db.department.findMany({ orderBy: { id: "asc" } });
  const colleague = await upsertUser(db, { email: uniqueEmail("colleague"), name: "Colleague", organizationId: acme.id });
  const globexUser = await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } });
  await signedIn(db, colleague.id);
  const base = Date.parse("2026-06-01T10:00:00Z");
  // 40 tickets: Acme's of three requesters, Globex's, some followed by Paula; equal timestamps
  // and missing SLA deadlines on purpose, so ties and nulls are ordered too.
  for (let i = 0; i < 40; i++) {
    const org = i % 5 === 4 ? globex : acme;
    const requester = org === globex ? globexUser.id : [who.partner.id, who.orgAdmin.id, colleague.id][i % 3]!;
    const department = departments[i % departments.length]!;
    const row: Row = {
      id: "",
      status: statuses[i % statuses.length]!,
      createdAt: new Date(base + Math.floor(i / 2) * 3_600_000),
      updatedAt: new Date(base + ((i * 7) % 13) * 60_000),
      slaDueAt: i % 3 === 0 ? null : new Date(base + ((i * 5) % 11) * 600_000),
      organizationId: org.id,
      departmentId: department.id,
      requesterId: requester,
      watcherIds: i % 4 === 1 && requester !== who.partner.id ? [who.partner.id] : [],
      subject: i % 6 === 0 ? `Certificado caducado ${i}` : `Consulta ${i}`,
      body: i % 4 === 0 ? "El certificado SSL no es válido." : "Gracias.",
    };
    const ticket = await db.ticket.create({
      data: {
        type: "incident",
        priority: "medium",
        status: row.status,
        subject: row.subject,
        searchText: row.subject.toLowerCase(),
        departmentId: row.departmentId,
        organizationId: row.organizationId,
        requesterId: row.requesterId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        slaDueAt: row.slaDueAt,
        slaClock: row.slaDueAt ? "resolution" : null,
        watchers: { create: row.watcherIds.map((userId) => ({ userId })) },
      },
    });
    await db.message.create({ data: { ticketId: ticket.id, authorId: requester, kind: "public", body: row.body } });
    await db.$transaction((tx) => indexMessage(tx, ticket.id, "public", row.body));
    // Updating the ticket's rows above moved updatedAt (@updatedAt): put the chosen one back.
    await db.$executeRaw`UPDATE "Ticket" SET "updatedAt" = ${row.updatedAt} WHERE id = ${ticket.id}::uuid`;
    rows.push({ ...row, id: ticket.id });
  }
});
afterAll(() => world?.close());

function visibleTo(key: keyof typeof who, row: Row): boolean {
  const p = who[key];
  if (p.role === "admin") return true;
  const own = row.requesterId === p.id || row.watcherIds.includes(p.id);
  if (p.role === "agent") return own || p.departmentIds.includes(row.departmentId);
  return own || p.organizations.some((o) => o.id === row.organizationId && (o.role === "admin" || o.membersSeeAll));
}

const statusRank = (s: Row["status"]) => statuses.indexOf(s);
function expected(key: keyof typeof who, input: ListTicketsInput, match: (r: Row) => boolean = () => true): string[] {
  const tab = {
    open: ["new", "open", "pending_customer", "on_hold"],
    active: ["new", "open", "pending_customer", "on_hold", "reopened"],
    reopened: ["reopened"],
    closed: ["resolved", "closed"],
    all: statuses,
  }[input.tab] as readonly string[];
  const sign = input.dir === "asc" ? 1 : -1;
  const staff = who[key].role !== "partner";
  const sort = input.sort === "sla" && !staff ? "updated" : input.sort;
  const key1 = (r: Row): number | null =>
    sort === "created"
      ? +r.createdAt
      : sort === "updated"
        ? +r.updatedAt
        : sort === "status"
          ? statusRank(r.status)
          : r.slaDueAt && +r.slaDueAt;
  return rows
    .filter((r) => visibleTo(key, r) && tab.includes(r.status) && match(r))
    .sort((a, b) => {
      const ka = key1(a);
      const kb = key1(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1; // no deadline: last, either way
      } else if (ka !== kb) return sign * (ka - kb);
      return sign * (a.id < b.id ? -1 : 1);
    })
    .map((r) => r.id);
}

async function pageByCursor(key: keyof typeof who, raw: Partial<ListTicketsInput>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await callerFor(db, who[key]).tickets.list({ ...raw, limit: 7, cursor });
    ids.push(...page.items.map((t) => t.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("the cursor never reached the end");
}

async function pageByNumber(key: keyof typeof who, raw: Partial<ListTicketsInput>): Promise<{ ids: string[]; count: number | null }> {
  const ids: string[] = [];
  let count: number | null = null;
  for (let page = 1; page < 50; page++) {
    const answer = await callerFor(db, who[key]).tickets.list({ ...raw, limit: 6, page, withCount: true });
    count = answer.count;
    ids.push(...answer.items.map((t) => t.id));
    if (answer.items.length < 6) return { ids, count };
  }
  throw new Error("the pages never ended");
}

describe("the ticket list, merged from the viewer's sources", () => {
  for (const key of ["orgAdmin", "partner", "agent", "admin"] as const)
    for (const sort of ["updated", "created", "status", "sla"] as const)
      for (const dir of ["desc", "asc"] as const)
        it(`${key}: every visible ticket once, sorted by ${sort} ${dir}, by cursor and by page, with the count`, async () => {
          const raw = { tab: "all" as const, sort, dir };
          const want = expected(key, listTicketsInput.parse(raw));
          expect(want.length).toBeGreaterThan(5);
          expect(await pageByCursor(key, raw)).toEqual(want);
          const numbered = await pageByNumber(key, raw);
          expect(numbered.ids).toEqual(want);
          expect(numbered.count).toBe(want.length);
        });

  it("filters by tab, status and department in each branch", async () => {
    const support = who.agent.departmentIds[0]!;
    const cases: Partial<ListTicketsInput>[] = [
      { tab: "open" },
      { tab: "closed", sort: "created", dir: "asc" },
      { tab: "all", status: ["reopened", "closed"] },
    ];
    for (const raw of cases) {
      const input = listTicketsInput.parse(raw);
      const want = expected("orgAdmin", input, (r) => !input.status.length || input.status.includes(r.status));
      expect(await pageByCursor("orgAdmin", raw)).toEqual(want);
    }
    const inSupport = expected("admin", listTicketsInput.parse({ tab: "all" }), (r) => r.departmentId === support);
    expect(await pageByCursor("admin", { tab: "all", departmentId: [support] })).toEqual(inSupport);
  });

  it("finds a keyword in subjects and in messages, a ticket matching both once, and counts it once", async () => {
    for (const key of ["orgAdmin", "partner", "admin"] as const) {
      const want = expected(
        key,
        listTicketsInput.parse({ tab: "all" }),
        (r) => /certificado/i.test(r.subject) || /certificado/i.test(r.body),
      );
      expect(want.length).toBeGreaterThan(2);
      expect(await pageByCursor(key, { tab: "all", q: "certificado" })).toEqual(want);
      expect((await pageByNumber(key, { tab: "all", q: "certificado" })).count).toBe(want.length);
    }
  });
});
