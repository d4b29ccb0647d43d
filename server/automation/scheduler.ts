// The built-in scheduler: the custom server runs a tick every AUTOMATION_INTERVAL_SECONDS (0 turns
// it off when an external scheduler calls /api/cron/tick). A tick never overlaps the previous one
// of this process; overlapping with other processes is safe by design (tick.ts).
import type { Db } from "../db";
import { runTick } from "./tick";

export function startScheduler(db: () => Db, intervalSeconds: number): () => void {
  if (intervalSeconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runTick(db())
      .catch((error: unknown) => console.error("[automation] tick failed", error))
      .finally(() => (running = false));
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
