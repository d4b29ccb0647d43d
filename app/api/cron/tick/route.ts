// The automation tick for external schedulers (cron, systemd timers, Kubernetes CronJobs) and for
// `npm run automation` while Mesa runs: GET or POST with `Authorization: Bearer $CRON_SECRET`;
// anything else is 401. `at` (ISO date-time) runs the tick as if it were that moment; `dryRun`
// reports what it would change without changing it. Both only with the secret.
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { runTick } from "../../../../server/automation/tick";
import { getConfig } from "../../../../server/config/env";
import { getDb } from "../../../../server/db";

export const dynamic = "force-dynamic";

const options = z.object({
  at: z.iso.datetime({ offset: true }).optional(),
  dryRun: z.union([z.boolean(), z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true")]).optional(),
});

function authorized(request: Request): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${getConfig().CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function tick(request: Request): Promise<Response> {
  if (!authorized(request)) return Response.json({ error: "unauthorized" }, { status: 401 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const body =
    request.method === "POST" && request.headers.get("content-type")?.includes("json") ? await request.json().catch(() => ({})) : {};
  const parsed = options.safeParse({ ...query, ...body });
  if (!parsed.success) return Response.json({ error: "invalid options", issues: parsed.error.issues }, { status: 400 });
  const at = parsed.data.at ? new Date(parsed.data.at) : new Date();
  return Response.json(await runTick(getDb(), at, { dryRun: parsed.data.dryRun ?? false }));
}

export const GET = tick;
export const POST = tick;
