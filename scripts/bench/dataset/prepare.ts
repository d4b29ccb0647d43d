// What both loaders do around the COPY: the demo seed the dataset grows from, the indexes dropped
// during the load and built once after it, the messages' full-text vectors computed by PostgreSQL
// itself (the same to_tsvector('simple', …) the use-cases write), sequences moved past the loaded
// numbers, statistics, and a marker saying which plan the database holds.
import type { Db } from "../../../server/db";
import { seedDemo } from "../../../server/seed/demo";
import type { DemoWorld } from "./generate";
import type { Plan } from "./plan";

export interface Sql {
  exec(sql: string): Promise<unknown>;
  rows<T>(sql: string): Promise<T[]>;
}

/** The big tables: their secondary indexes are dropped before the load and rebuilt after it. */
const loaded = [
  "Organization",
  "Service",
  "User",
  "UserPermission",
  "Membership",
  "AgentDepartment",
  "Ticket",
  "TicketService",
  "Message",
  "TicketEvent",
  "Watcher",
  "Attachment",
];

export async function seedWorld(db: Db, now: Date): Promise<DemoWorld> {
  await seedDemo(db);
  const departments = await db.department.findMany({
    select: { id: true, slug: true, categories: { select: { id: true } } },
    orderBy: { id: "asc" },
  });
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" }, include: { memberships: true, services: true } });
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@demo.test" } });
  return {
    now,
    departments: departments.map((d) => ({ id: d.id, slug: d.slug, categoryIds: d.categories.map((c) => c.id) })),
    acme: { id: acme.id, memberIds: acme.memberships.map((m) => m.userId), serviceIds: acme.services.map((s) => s.id) },
    demoAgentId: agent.id,
  };
}

export async function beforeLoad(sql: Sql): Promise<string[]> {
  await sql.exec(
    `CREATE UNLOGGED TABLE bench_message_staging (part int, id uuid, "ticketId" uuid, "authorId" uuid, kind "MessageKind", body text, folded text, "createdAt" timestamp(3))`,
  );
  const indexes = await sql.rows<{ name: string; def: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    WHERE c.relname IN (${loaded.map((t) => `'${t}'`).join(", ")})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
  for (const i of indexes) await sql.exec(`DROP INDEX ${i.name}`);
  return indexes.map((i) => i.def);
}

/** `parallel`: several connections (PostgreSQL) share the message insert and the index builds. */
export async function afterLoad(sessions: Sql[], indexes: string[], plan: Plan, log: (line: string) => void): Promise<void> {
  const [main] = sessions as [Sql, ...Sql[]];
  let t = Date.now();
  const parts = sessions.length > 1 ? [0, 1] : [null];
  await Promise.all(
    parts.map(async (part, i) => {
      const where = part === null ? "" : `WHERE part = ${part}`;
      await sessions[i]!.exec(`
        INSERT INTO "Message" ("id", "ticketId", "authorId", "kind", "body", "createdAt")
        SELECT id, "ticketId", "authorId", kind, body, "createdAt" FROM bench_message_staging ${where}`);
      // Each ticket's thread words, as server/tickets/message-search.ts keeps them.
      await sessions[i]!.exec(`
        UPDATE "Ticket" t SET "searchPublic" = s.pub, "searchStaff" = s.staff
        FROM (SELECT "ticketId",
                     strip(to_tsvector('simple', string_agg(folded, ' ') FILTER (WHERE kind = 'public'))) AS pub,
                     strip(to_tsvector('simple', string_agg(folded, ' '))) AS staff
              FROM bench_message_staging ${where ? `${where} AND` : "WHERE"} kind IN ('public', 'internal')
              GROUP BY "ticketId") s
        WHERE s."ticketId" = t.id`);
    }),
  );
  await main.exec(`DROP TABLE bench_message_staging`);
  log(`messages indexed for full-text search in ${Math.round((Date.now() - t) / 1000)} s`);
  t = Date.now();
  const queue = [...indexes];
  await Promise.all(
    sessions.map(async (s) => {
      for (let def = queue.shift(); def; def = queue.shift()) await s.exec(def);
    }),
  );
  log(`${indexes.length} indexes built in ${Math.round((Date.now() - t) / 1000)} s`);
  t = Date.now();
  await main.exec(`SELECT setval(pg_get_serial_sequence('"Ticket"', 'number'), (SELECT max("number") FROM "Ticket"))`);
  await main.exec(`SELECT setval(pg_get_serial_sequence('"TicketEvent"', 'id'), (SELECT max("id") FROM "TicketEvent"))`);
  await main.exec(`VACUUM ANALYZE`);
  log(`vacuumed and analyzed in ${Math.round((Date.now() - t) / 1000)} s`);
  await main.exec(`CREATE TABLE _bench_dataset (scale text, tickets int, seed bigint, generated_at timestamptz DEFAULT now())`);
  await main.exec(`INSERT INTO _bench_dataset (scale, tickets, seed) VALUES ('${plan.scale}', ${plan.tickets}, ${plan.seed})`);
}
