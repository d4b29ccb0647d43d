// P9: the JavaScript a browser downloads on the first load of the partner list, a ticket page and
// the agent queue — every <script src> of the page's HTML as the production server sends it, each
// gzipped (level 6, a web server's default) and summed.
import { gzipSync } from "node:zlib";
import { request } from "undici";
import type { BenchContext } from "../harness/context";
import { BENCH_SECRET } from "../harness/server";
import { sessionCookie } from "../harness/sessions";
import type { Result } from "../harness/stats";
import { formatTicketNumber } from "../../../server/domain/numbering";

async function fetchText(url: string, cookie: string): Promise<string> {
  const response = await request(url, { headers: { cookie } });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}`);
  return text;
}

async function firstLoadKb(base: string, path: string, cookie: string): Promise<{ kb: number; scripts: number }> {
  const html = await fetchText(`${base}${path}`, cookie);
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(await fetchText(new URL(src, base).toString(), cookie), { level: 6 }).length;
  return { kb: Math.round((bytes / 1024) * 10) / 10, scripts: sources.length };
}

export async function p9Bundles(ctx: BenchContext): Promise<Result[]> {
  const partner = await sessionCookie(ctx.bare, BENCH_SECRET, "orgadmin@demo.test");
  const agent = await sessionCookie(ctx.bare, BENCH_SECRET, "agent@demo.test");
  const ticket = await ctx.bare.query<{ number: number }>(
    `SELECT t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" WHERE u.email = 'orgadmin@demo.test' ORDER BY t."updatedAt" DESC LIMIT 1`,
  );
  const reference = formatTicketNumber(ticket.rows[0]!.number);
  const pages = [
    ["partner list", "/es/tickets", partner.cookie],
    ["ticket page", `/es/tickets/${reference}`, partner.cookie],
    ["agent queue", "/es/agent", agent.cookie],
  ] as const;
  const results: Result[] = [];
  for (const [label, path, cookie] of pages) {
    const { kb, scripts } = await firstLoadKb(ctx.server.url, path, cookie);
    ctx.log(`P9 ${label}: ${kb} KB gzip in ${scripts} scripts`);
    results.push({
      id: "P9",
      measure: `first-load JS, ${label} (${path.replace(reference, "TK-…")})`,
      target: "< 180 KB gzip",
      pass: kb < 180,
      notes: [`${kb} KB gzip, ${scripts} scripts`],
      extra: { kb, scripts },
    });
  }
  return results;
}
