// P10: the export of an organization's tickets (Acme's 100 000 at 1 M), CSV and Excel, every field,
// as its organization admin asks for it, through the use-case the panel's export calls (streamed in
// batches). The floor: PostgreSQL's own `COPY (the same rows and columns) TO STDOUT CSV`. Memory:
// the bench process's RSS is sampled at every chunk; flat means the last tenth of the rows costs no
// more memory than the first tenth did.
import { to as copyTo } from "pg-copy-streams";
import { loadPrincipal } from "../../../server/access/principal";
import { exportFields } from "../../../server/tickets/export/fields";
import { exportTickets } from "../../../server/tickets/export/export-tickets";
import type { BenchContext } from "../harness/context";
import { mesaDb, ownRssMb } from "../harness/in-process";
import { round, type Result } from "../harness/stats";

const floorSql = (organizationId: string) => `COPY (
  SELECT t.number, t.subject, t.status, t.priority, t.type, d.name, c.name, o.name, r.name || ' <' || r.email || '>', a.name,
         t.channel, t."createdAt", t."updatedAt", t."resolvedAt", t."closedAt",
         (SELECT string_agg(s.name, ', ') FROM "TicketService" ts JOIN "Service" s ON s.id = ts."serviceId" WHERE ts."ticketId" = t.id),
         (SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM "TicketTag" tt JOIN "Tag" g ON g.id = tt."tagId" WHERE tt."ticketId" = t.id)
  FROM "Ticket" t
  JOIN "Department" d ON d.id = t."departmentId"
  LEFT JOIN "Category" c ON c.id = t."categoryId"
  LEFT JOIN "Organization" o ON o.id = t."organizationId"
  JOIN "User" r ON r.id = t."requesterId"
  LEFT JOIN "User" a ON a.id = t."assigneeId"
  WHERE t."organizationId" = '${organizationId}'::uuid
  ORDER BY t.id) TO STDOUT CSV`;

export async function p10Export(ctx: BenchContext): Promise<Result[]> {
  const db = await mesaDb(ctx);
  const user = await ctx.bare.query<{ id: string; organizationId: string }>(
    `SELECT u.id, m."organizationId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = 'orgadmin@demo.test'`,
  );
  const { id, organizationId } = user.rows[0]!;
  const viewer = (await loadPrincipal(db, id))!;
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  // The floor first (it also warms the cache for both).
  const client = await (async () => {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    return c;
  })();
  const f0 = performance.now();
  let floorRows = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyTo(floorSql(organizationId)));
    stream.on("data", (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) floorRows++;
    });
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  const floorMs = performance.now() - f0;
  await client.end();
  const floorRate = floorRows / (floorMs / 1000);
  ctx.log(`P10: COPY ${floorRows} rows in ${Math.round(floorMs)} ms`);

  const runs: Record<string, { rows: number; ms: number; rate: number; mb: number; rssFirstTenth: number; rssGrowthAfter: number }> = {};
  for (const format of ["csv", "xlsx"] as const) {
    global.gc?.();
    const base = ownRssMb();
    let rows = 0;
    let bytes = 0;
    let total = 0;
    let atTenth = 0;
    let peak = base;
    const t0 = performance.now();
    for await (const chunk of exportTickets(db, { ...viewer, timeZone: viewer.timeZone }, "es", {
      format,
      from: "2000-01-01",
      to,
      fields: [...exportFields],
    })) {
      if (chunk.kind === "start") total = chunk.total;
      else {
        rows += chunk.rows;
        bytes += Buffer.byteLength(chunk.base64, "base64");
        const rss = ownRssMb();
        peak = Math.max(peak, rss);
        if (!atTenth && rows >= total / 10) atTenth = peak;
      }
    }
    const ms = performance.now() - t0;
    runs[format] = {
      rows,
      ms: round(ms),
      rate: Math.round(rows / (ms / 1000)),
      mb: round(bytes / 1e6),
      rssFirstTenth: atTenth - base,
      rssGrowthAfter: peak - atTenth,
    };
    ctx.log(
      `P10: ${format} ${rows} rows, ${round(bytes / 1e6)} MB in ${Math.round(ms)} ms; RSS +${atTenth - base} MB at a tenth, +${peak - atTenth} MB after`,
    );
  }
  const csvShare = round((runs.csv!.rate / floorRate) * 100);
  // "Flat": what the remaining nine tenths add is small next to what the first tenth took.
  const flat = (r: (typeof runs)[string]) => r.rssGrowthAfter <= Math.max(32, r.rssFirstTenth);
  return [
    {
      id: "P10",
      measure: `export of ${runs.csv!.rows} tickets, every field: CSV ${runs.csv!.rate} rows/s, Excel ${runs.xlsx!.rate} rows/s`,
      ratio: { value: csvShare, of: "% of COPY rows/s (CSV)" },
      target: "CSV ≥ 25 % of COPY, Excel ≥ 20 000 rows/s, memory flat",
      pass: csvShare >= 25 && runs.xlsx!.rate >= 20_000 && flat(runs.csv!) && flat(runs.xlsx!),
      notes: [
        `COPY ${floorRows} rows in ${Math.round(floorMs)} ms (${Math.round(floorRate)} rows/s)`,
        ...(["csv", "xlsx"] as const).map(
          (f) =>
            `${f}: ${runs[f]!.mb} MB in ${runs[f]!.ms} ms; RSS +${runs[f]!.rssFirstTenth} MB by a tenth of the rows, +${runs[f]!.rssGrowthAfter} MB after`,
        ),
      ],
      extra: { floorRows, floorMs: round(floorMs), runs },
    },
  ];
}
