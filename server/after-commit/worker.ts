// The dispatcher in the server process: woken by the NOTIFY that a queued event sends at commit,
// polled every few seconds in case a notice was missed, and run once at start.
import type { Db } from "../db";
import { startNotifiedLoop, type Listen, type NotifiedLoop } from "../workers/notified-loop";
import { dispatchPending } from "./dispatcher";

export const DISPATCH_CHANNEL = "mesa_dispatch";

export type DispatchWorker = Pick<NotifiedLoop, "settled" | "stop">;

export function startDispatchWorker(db: () => Db, listen: Listen): Promise<DispatchWorker> {
  return startNotifiedLoop({ label: "dispatch", channel: DISPATCH_CHANNEL, pollMs: 5_000, listen, work: () => dispatchPending(db()) });
}
