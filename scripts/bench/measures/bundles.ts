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

async function firstLoadKb(
  base: string,
  path: string,
  cookie: string,
): Promise<{ kb: number; scripts: number; largest: { src: string; kb: number }[] }> {
  const html = await fetchText(`${base}${path}`, cookie);
  // A `nomodule` script (Next's polyfills for old browsers) is skipped by every browser that runs
  // modules, so it is not downloaded and does not count.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\snomodule/i.test(`${m[1]} ${m[3]}`));
  const sources = [...new Set(tags.map((m) => m[2]!.replace(/&amp;/g, "&")))];
  const sizes: { src: string; kb: number }[] = [];
  for (const src of sources) {
    const gz = gzipSync(await fetchText(new URL(src, base).toString(), cookie), { level: 6 }).length;
    sizes.push({ src: src.replace(/^.*\//, ""), kb: Math.round((gz / 1024) * 10) / 10 });
  }
  const kb = Math.round(sizes.reduce((sum, s) => sum + s.kb, 0) * 10) / 10;
  return { kb, scripts: sources.length, largest: sizes.sort((a, b) => b.kb - a.kb).slice(0, 5) };
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
    const { kb, scripts, largest } = await firstLoadKb(ctx.server.url, path, cookie);
    ctx.log(`P9 ${label}: ${kb} KB gzip in ${scripts} scripts`);
    results.push({
      id: "P9",
      measure: `first-load JS, ${label} (${path.replace(reference, "TK-…")})`,
      target: "< 180 KB gzip",
      pass: kb < 180,
      notes: [`${kb} KB gzip, ${scripts} scripts`],
      extra: { kb, scripts, largest },
    });
  }
  return results;
}
