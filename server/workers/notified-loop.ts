// A background loop in the server process, woken by a PostgreSQL NOTIFY that a commit sends (on
// every node, PostgreSQL and PGlite alike), by a slow poll in case a notice was missed, and once at
// start to resume what an earlier process left. One run at a time per process; a notice during a
// run asks for another run after it.

export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

export interface NotifiedLoop {
  /** Resolves when everything notified so far has been handled (tests and graceful shutdown). */
  settled(): Promise<void>;
  /** Asks for a run now (a change this process made). */
  kick(): void;
  stop(): Promise<void>;
}

export async function startNotifiedLoop(options: {
  label: string;
  channel: string;
  pollMs: number;
  listen: Listen;
  work: () => Promise<unknown>;
}): Promise<NotifiedLoop> {
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
        await options.work().catch((error: unknown) => console.error(`[${options.label}] run failed`, error));
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };
  const unlisten = await options.listen(options.channel, () => void run());
  const poll = setInterval(() => void run(), options.pollMs);
  poll.unref();
  void run();
  return {
    settled: async () => {
      while (running) await running;
      await run();
    },
    kick: () => void run(),
    stop: async () => {
      clearInterval(poll);
      await unlisten().catch(() => {});
      stopped = true;
      await running;
    },
  };
}
