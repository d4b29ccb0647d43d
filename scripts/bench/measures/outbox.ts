// P7: the mail outbox sending 20 000 queued mails (a ticket notification's size, threading headers
// included) to a local SMTP server, with Mesa's worker: claims in batches, sends a few at a time over
// its pooled connections, marks each mail sent. The floor: a bare nodemailer loop sending the same
// mails over the same kind of pool, with nothing read or written around it.
import nodemailer from "nodemailer";
import { runOutbox } from "../../../server/notifications/outbox";
import type { BenchContext } from "../harness/context";
import { mesaDb } from "../harness/in-process";
import { round, type Result } from "../harness/stats";

const text = (i: number) =>
  `Hola:\n\nHemos respondido a tu ticket TK-${String(i).padStart(6, "0")}.\n\n` +
  "Al intentar crear un nuevo sitio web desde el panel de hosting, recibo un error 500. ".repeat(8) +
  "\n\nResponde a este correo para contestar.\n";
const html = (i: number) => `<p>${text(i).replace(/\n/g, "<br>")}</p>`.repeat(2);

export async function p7Outbox(ctx: BenchContext): Promise<Result[]> {
  const total = ctx.quick ? 2_000 : 20_000;
  const db = await mesaDb(ctx);
  // Whatever earlier measures queued is not this measure's: set it aside.
  await ctx.bare.query(`UPDATE "OutboxMail" SET "nextAttemptAt" = now() + interval '30 days' WHERE status = 'pending'`);
  await ctx.bare.query(
    `INSERT INTO "OutboxMail" (key, "toAddress", subject, text, html, headers, status)
     SELECT 'bench-p7-' || g, 'cliente' || g || '@bench.test', '[TK-' || lpad(g::text, 6, '0') || '] Respuesta a tu ticket', $1, $2,
            jsonb_build_object('messageId', '<p7-' || g || '@bench.test>', 'inReplyTo', '<t' || g || '@bench.test>',
                               'references', '<t' || g || '@bench.test>', 'replyTo', 'reply+' || g || '@bench.test'), 'pending'
     FROM generate_series(1, $3::int) AS g`,
    [text(1), html(1), total],
  );
  const sink = ctx.smtp; // the server's sink too: Mesa's own count of sent mails is the figure
  const received = sink.received();
  const t0 = performance.now();
  const own = await runOutbox(db);
  // The server's own worker may have claimed some of them meanwhile (the work is shared, never
  // doubled): the measure ends when every one of them is sent.
  const count = async (status: string) =>
    Number((await ctx.bare.query(`SELECT count(*) FROM "OutboxMail" WHERE key LIKE 'bench-p7-%' AND status = $1`, [status])).rows[0].count);
  for (let waited = 0; (await count("sent")) + (await count("failed")) < total && waited < 60_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  const mesaMs = performance.now() - t0;
  const [sent, failed] = [await count("sent"), await count("failed")];
  if (own.sent !== sent) ctx.log(`P7: the server's worker sent ${sent - own.sent} of them`);
  ctx.log(`P7: Mesa sent ${sent} (${failed} failed) in ${Math.round(mesaMs)} ms; the sink received ${sink.received() - received}`);

  const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: 3 } as never);
  const before = sink.received();
  const f0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let i = next++; i < total; i = next++)
        await transport.sendMail({
          from: "Mesa Bench <no-reply@bench.test>",
          to: `cliente${i}@bench.test`,
          subject: `[TK-${String(i).padStart(6, "0")}] Respuesta a tu ticket`,
          text: text(i),
          html: html(i),
          messageId: `<floor-${i}@bench.test>`,
          headers: { "Auto-Submitted": "auto-generated" },
        });
    }),
  );
  const floorMs = performance.now() - f0;
  transport.close();
  await sink.waitFor(before + total, 10_000);
  const perMinute = Math.round((sent / mesaMs) * 60_000);
  const floorPerMinute = Math.round((total / floorMs) * 60_000);
  return [
    {
      id: "P7",
      measure: `mail outbox to a local SMTP server, ${total} mails`,
      ratio: { value: round((perMinute / floorPerMinute) * 100), of: "% of floor mails/min" },
      target: "≥ 10 000 mails/min",
      pass: sent === total && perMinute >= 10_000,
      notes: [`Mesa ${perMinute} mails/min (${sent} sent, ${failed} failed); bare nodemailer ${floorPerMinute} mails/min`],
      extra: { sent, failed, mesaMs: round(mesaMs), floorMs: round(floorMs), perMinute, floorPerMinute },
    },
  ];
}
