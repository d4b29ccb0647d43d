// The dispatcher in the server process: woken by the NOTIFY that a queued event sends at commit (on
// every node, PostgreSQL and PGlite alike), by a slow poll in case a notice was missed, and once at
// start to resume what an earlier process left. One run at a time per process; a notice during a
// run asks for another run after it.
import type { Db } from "../db";
import { dispatchPending } from "./dispatcher";

export const DISPATCH_CHANNEL = "mesa_dispatch";
const POLL_MS = 5_000;

export interface DispatchWorker {
  /** Resolves when every event queued so far has been handled (tests and graceful shutdown). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDispatchWorker(
  db: () => Db,
  listen: (channel: string, onNotify: () => void) => Promise<() => Promise<void>>,
): Promise<DispatchWorker> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await dispatchPending(db()).catch((error: unknown) => console.error("[dispatch] run failed", error));
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };
  const unlisten = await listen(DISPATCH_CHANNEL, () => void run());
  const poll = setInterval(() => void run(), POLL_MS);
  poll.unref();
  void run();
  return {
    settled: async () => {
      while (running) await running;
      await run();
    },
    stop: async () => {
      clearInterval(poll);
      await unlisten().catch(() => {});
      stopped = true;
      await running;
    },
  };
}
