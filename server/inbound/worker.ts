// The inbound processor in the server process: woken when a mail is stored (the InboundMail
// trigger NOTIFYs "mesa_inbound" at commit, on every node), polled in case a notice was missed and
// for retries that came due, and run once at start to finish what a killed process left.
import type { Db } from "../db";
import { startNotifiedLoop, type Listen, type NotifiedLoop } from "../workers/notified-loop";
import { processPendingMail } from "./process";

export const INBOUND_CHANNEL = "mesa_inbound";

export function startInboundWorker(db: () => Db, listen: Listen): Promise<NotifiedLoop> {
  return startNotifiedLoop({ label: "inbound", channel: INBOUND_CHANNEL, pollMs: 10_000, listen, work: () => processPendingMail(db()) });
}
