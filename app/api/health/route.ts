import { currentDatabase } from "../../../server/db";

export const dynamic = "force-dynamic";

/** 200 with the database's state when it answers, 503 otherwise. */
export async function GET() {
  try {
    const database = currentDatabase();
    const started = performance.now();
    await database.ping();
    return Response.json({
      status: "ok",
      database: { kind: database.kind, state: "up", latencyMs: Math.round(performance.now() - started) },
    });
  } catch {
    return Response.json({ status: "error", database: { state: "down" } }, { status: 503 });
  }
}
