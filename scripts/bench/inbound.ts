// `npm run bench` (inbound part): 1 000 mails posted to the inbound webhook of an in-memory Mesa
// (PGlite, demo data), then processed: half open tickets at ventas@demo.test (policy `anyone`, a new
// sender each), half answer those tickets through their reply address. Reports mails per second
// for storing (the webhook's answer) and for processing (parse, thread, policy, ticket use-case).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";

// The configuration is read on first use: set it before the modules below are loaded.
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.NEXTAUTH_SECRET ??= "bench-nextauth-secret-0123456789abcdef";
process.env.APP_ENCRYPTION_KEY ??= "0".repeat(64);
process.env.CRON_SECRET ??= "bench-cron-secret-0123";
process.env.INBOUND_EMAIL_SECRET = "bench-inbound-secret-0123456789";
process.env.SMTP_URL = "";
process.env.DATA_DIR = mkdtempSync(`${tmpdir()}/mesa-bench-`);

const { default: MailComposer } = await import("nodemailer/lib/mail-composer");
const { openDatabase } = await import("../../server/db/open");
const { setDatabase } = await import("../../server/db");
const { seedDemo } = await import("../../server/seed/demo");
const { POST } = await import("../../app/api/inbound/email/route");
const { processPendingMail } = await import("../../server/inbound/process");

const MAILS = Number(process.env.BENCH_MAILS ?? 1_000);
const opened = await openDatabase({ memory: true });
setDatabase(opened);
const db = opened.db;
await seedDemo(db);

const build = (m: Record<string, unknown>) => new MailComposer(m).compile().build();
const post = async (raw: Buffer) => {
  const response = await POST(
    new Request("http://localhost/api/inbound/email", {
      method: "POST",
      headers: { authorization: `Bearer ${process.env.INBOUND_EMAIL_SECRET}`, "content-type": "message/rfc822" },
      body: new Uint8Array(raw),
    }),
  );
  if (response.status !== 202) throw new Error(`webhook answered ${response.status}`);
};
const body = "Hola,\n\nNecesito ayuda con la configuración del correo de mi dominio.\n\nGracias.";

async function round(label: string, mails: Buffer[]) {
  const t0 = performance.now();
  for (const raw of mails) await post(raw);
  const stored = performance.now() - t0;
  const t1 = performance.now();
  const { done, failed } = await processPendingMail(db);
  const processed = performance.now() - t1;
  if (failed || done !== mails.length) throw new Error(`${label}: ${done} done, ${failed} failed of ${mails.length}`);
  const rate = (ms: number) => Math.round(mails.length / (ms / 1000));
  console.log(
    `inbound ${label}: ${mails.length} mails stored in ${Math.round(stored)} ms (${rate(stored)} mails/s), processed in ${Math.round(processed)} ms (${rate(processed)} mails/s)`,
  );
  return { stored, processed };
}

const half = Math.floor(MAILS / 2);
const news = await Promise.all(
  Array.from({ length: half }, (_, i) =>
    build({
      from: `cliente${i}@bench.test`,
      to: "ventas@demo.test",
      subject: `Consulta ${i}`,
      text: body,
      messageId: `<new-${i}@bench.test>`,
    }),
  ),
);
const a = await round("new tickets", news);
const tickets = await db.ticket.findMany({
  where: { channel: "email" },
  select: { replyToken: true, requester: { select: { email: true } } },
});
const replies = await Promise.all(
  Array.from({ length: MAILS - half }, (_, i) => {
    const t = tickets[i % tickets.length]!;
    return build({
      from: t.requester.email,
      to: `reply+${t.replyToken}@mesa.localhost`,
      subject: "Re: consulta",
      text: `Más datos (${i}).\n\nEl mar, 1 dic 2026 a las 10:00, Mesa escribió:\n> ${body.replace(/\n/g, "\n> ")}`,
      messageId: `<reply-${i}@bench.test>`,
    });
  }),
);
const b = await round("replies", replies);
const total = (x: keyof typeof a) => a[x] + b[x];
console.log(
  `inbound total: ${MAILS} mails, ${Math.round(MAILS / (total("stored") / 1000))} mails/s stored, ${Math.round(MAILS / (total("processed") / 1000))} mails/s processed`,
);
await opened.close();
