// The automation tick for external schedulers (Vercel cron, systemd timers, Kubernetes CronJobs):
// GET or POST with `Authorization: Bearer $CRON_SECRET`; anything else is 401.
import { timingSafeEqual } from "node:crypto";
import { runTick } from "../../../../server/automation/tick";
import { getConfig } from "../../../../server/config/env";
import { getDb } from "../../../../server/db";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${getConfig().CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function tick(request: Request): Promise<Response> {
  if (!authorized(request)) return Response.json({ error: "unauthorized" }, { status: 401 });
  return Response.json(await runTick(getDb()));
}

export const GET = tick;
export const POST = tick;
