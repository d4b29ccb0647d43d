// P1: opening tickets through tRPC over HTTP, signed in, 16 clients at once (each a member of a
// different organization). The floor: a bare `pg` transaction writing the same rows Mesa wrote per
// ticket (counted from the tables during the Mesa run): ticket, first message with its search
// vector, history event, after-commit row and the notification mails.
import { randomUUID } from "node:crypto";
import type { BenchContext } from "../harness/context";
import { signIn } from "../harness/context";
import { load, round, summarize, type Result } from "../harness/stats";

const tables = ["Ticket", "Message", "TicketEvent", "TicketEventDispatch", "OutboxMail"] as const;

async function rowCounts(ctx: BenchContext): Promise<Record<string, number>> {
  const r = await ctx.bare.query<Record<string, string>>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

export async function p1Create(ctx: BenchContext): Promise<Result[]> {
  const total = ctx.quick ? 300 : 2_000;
  const concurrency = 16;
  const members = await ctx.bare.query<{ email: string; organizationId: string }>(
    `SELECT u.email, m."organizationId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id
     WHERE u.email LIKE 'm1.org%@bench.test' ORDER BY u.email LIMIT ${concurrency}`,
  );
  const dept = await ctx.bare.query<{ id: number; category: number }>(
    `SELECT d.id, min(c.id) AS category FROM "Department" d JOIN "Category" c ON c."departmentId" = d.id WHERE d.slug = 'soporte-tecnico' GROUP BY d.id`,
  );
  const { id: departmentId, category: categoryId } = dept.rows[0]!;
  const clients = await Promise.all(
    members.rows.map(async (m) => ({ ...(await signIn(ctx, m.email, 1)), organizationId: m.organizationId })),
  );
  const description =
    "Al intentar crear un nuevo sitio web desde el panel de hosting, recibo un error 500. He revisado los permisos y el archivo .htaccess, pero el problema sigue desde esta mañana.";
  const create = (i: number) => {
    const c = clients[i % clients.length]!;
    return c.http.mutation("tickets.create", {
      type: "incident",
      departmentId,
      categoryId,
      organizationId: c.organizationId,
      subject: `Error 500 al crear un sitio (${i})`,
      description,
    });
  };
  for (let i = 0; i < concurrency; i++) await create(i); // warm-up: plans, JIT, connections
  const before = await rowCounts(ctx);
  ctx.server.resetPeak();
  const mesa = await load(total, concurrency, create);
  const after = await rowCounts(ctx);
  const perTicket = Object.fromEntries(tables.map((t) => [t, round((after[t]! - before[t]!) / total)]));
  ctx.log(`P1: rows per create ${JSON.stringify(perTicket)}`);

  // The floor: the same rows in one transaction per ticket, on 16 bare connections.
  const pg = (await import("pg")).default;
  const bare = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString: ctx.databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const requester = await ctx.bare.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [members.rows[0]!.email]);
  const mails = Math.round(perTicket.OutboxMail!);
  const floorCreate = async (i: number) => {
    const c = bare[i % concurrency]!;
    await c.query("BEGIN");
    try {
      const t = await c.query<{ id: string; number: number }>(
        `INSERT INTO "Ticket" (id, type, priority, channel, subject, "departmentId", "categoryId", "organizationId", "requesterId", "createdAt", "updatedAt", "searchText", "searchPublic", "searchStaff")
         VALUES ($1, 'incident', 'medium', 'web', $2, $3, $4, $5, $6, now(), now(), lower($2), strip(to_tsvector('simple', lower($7))), strip(to_tsvector('simple', lower($7))))
         RETURNING id, number`,
        [
          randomUUID(),
          `Error 500 al crear un sitio (${i})`,
          departmentId,
          categoryId,
          members.rows[0]!.organizationId,
          requester.rows[0]!.id,
          description,
        ],
      );
      const ticketId = t.rows[0]!.id;
      await c.query(
        `INSERT INTO "Message" (id, "ticketId", "authorId", kind, body, "createdAt") VALUES ($1, $2, $3, 'public', $4, now())`,
        [randomUUID(), ticketId, requester.rows[0]!.id, description],
      );

      const e = await c.query<{ id: string }>(
        `INSERT INTO "TicketEvent" ("ticketId", "actorId", kind, after) VALUES ($1, $2, 'created', 'new') RETURNING id`,
        [ticketId, requester.rows[0]!.id],
      );
      await c.query(`INSERT INTO "TicketEventDispatch" ("eventId", "ticketId", "claimedUntil") VALUES ($1, $2, now() + interval '1 day')`, [
        e.rows[0]!.id,
        ticketId,
      ]);
      for (let m = 0; m < mails; m++)
        await c.query(
          `INSERT INTO "OutboxMail" (key, "ticketId", "toAddress", subject, text, html, headers, status) VALUES ($1, $2, $3, $4, $5, $6, '{}', 'sent')`,
          [`floor-${ticketId}-${m}`, ticketId, `m${m}@bench.test`, "[TK] Error 500", description, `<p>${description}</p>`],
        );
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    }
  };
  // The floor's rows are Mesa's own shapes, but the server must not act on them: the after-commit
  // row is leased (the dispatcher skips it) and the mails are marked sent; both go afterwards.
  const floor = await load(total, concurrency, floorCreate);
  await ctx.bare.query(`DELETE FROM "TicketEventDispatch" WHERE "claimedUntil" > now() + interval '1 hour'`);
  await Promise.all(bare.map((c) => c.end()));
  for (const c of clients) await c.http.close();
  const ms = summarize(mesa.samples, mesa.wallMs);
  const fs = summarize(floor.samples, floor.wallMs);
  const share = round((ms.throughput / fs.throughput) * 100);
  return [
    {
      id: "P1",
      measure: `tickets.create over HTTP, ${concurrency} clients, ${total} creates`,
      mesa: ms,
      floor: fs,
      ratio: { value: share, of: "% of floor throughput" },
      target: "p95 < 30 ms, ≥ 40 % of floor /s",
      pass: ms.p95 < 30 && share >= 40,
      extra: { rowsPerCreate: perTicket, peakRssMb: ctx.server.peakRssMb() },
    },
  ];
}
