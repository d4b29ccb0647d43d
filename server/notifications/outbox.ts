// The outbox worker: claims due mails (FOR UPDATE SKIP LOCKED, so several workers or nodes never
// take the same row), sends each, and records the SMTP answer. A failure is retried with growing
// delays and gives up after MAX_ATTEMPTS; one bad address does not hold the others back. Sent rows
// are never sent again: the claim and the "sent" mark are on the same row, and a shutdown lets the
// mail in flight finish before the process stops.
import type { Db } from "../db";
import { sendMail, type OutgoingMail } from "../email/mailer";

const BATCH = 24;
const PARALLEL = 3;
const LEASE_MS = 120_000;
export const MAX_ATTEMPTS = 8;
/** 1 min, 2, 4 … capped at 1 h. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

interface Claimed {
  id: bigint;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  /** Threading and the RFC 3834 mark, as queued. */
  headers: Pick<OutgoingMail, "messageId" | "inReplyTo" | "references" | "replyTo" | "autoSubmitted">;
  attempts: number;
}

// Process-wide state on globalThis: Next bundles route handlers apart from the custom server, so a
// module variable set by server/main.ts would not be seen by the tRPC handlers that queue mail.
const KEY = Symbol.for("mesa.outbox");
type State = { stopping: boolean; running: Promise<{ sent: number; failed: number }> | null; worker: (() => Db) | null };
const state: State = ((globalThis as { [KEY]?: State })[KEY] ??= { stopping: false, running: null, worker: null });

async function claim(db: Db, now: Date): Promise<Claimed[]> {
  const leaseUntil = new Date(+now + LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMail" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMail"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "subject", "text", "html", "headers", "attempts"`;
}

async function deliverOne(db: Db, mail: Claimed): Promise<boolean> {
  try {
    const response = await sendMail({ to: mail.toAddress, subject: mail.subject, text: mail.text, html: mail.html, ...mail.headers });
    await db.outboxMail.update({
      where: { id: mail.id },
      data: { status: "sent", sentAt: new Date(), smtpResponse: response.slice(0, 500), lockedUntil: null, lastError: null },
    });
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const gaveUp = mail.attempts >= MAX_ATTEMPTS;
    await db.outboxMail.update({
      where: { id: mail.id },
      data: {
        status: gaveUp ? "failed" : "pending",
        lastError: message.slice(0, 500),
        lockedUntil: null,
        nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)),
      },
    });
    console.error(`[mail] to ${mail.toAddress} failed (attempt ${mail.attempts}${gaveUp ? ", giving up" : ""}): ${message}`);
    return false;
  }
}

/** Sends everything due, batch after batch. Several runs at once (other processes, other nodes)
 * share the work without sending anything twice. */
export async function runOutbox(db: Db, now = () => new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  while (!state.stopping) {
    const batch = (await claim(db, now())).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!batch.length) break;
    // A few at a time: one slow or refused address does not hold the others back.
    for (let i = 0; i < batch.length; i += PARALLEL) {
      if (state.stopping) {
        // Hand back what this run claimed but did not start, for the next start to send.
        const ids = batch.slice(i).map((m) => m.id);
        await db.outboxMail.updateMany({ where: { id: { in: ids } }, data: { lockedUntil: null, attempts: { decrement: 1 } } });
        break;
      }
      for (const ok of await Promise.all(batch.slice(i, i + PARALLEL).map((mail) => deliverOne(db, mail)))) {
        if (ok) sent++;
        else failed++;
      }
    }
  }
  return { sent, failed };
}

/** runOutbox, one run at a time in this process (a call during a run waits for that run). */
export function deliverOutbox(db: Db): Promise<{ sent: number; failed: number }> {
  state.running ??= runOutbox(db).finally(() => (state.running = null));
  return state.running;
}

/** The server process sends mail (scripts and tests call deliverOutbox themselves); it starts with
 * whatever earlier runs left pending. */
export function startOutboxWorker(db: () => Db): void {
  state.worker = db;
  state.stopping = false;
  kickOutbox();
}

/** After a change queued mail: send it now rather than at the next tick (when this process sends). */
export function kickOutbox(): void {
  if (state.worker && !state.stopping)
    void deliverOutbox(state.worker()).catch((error: unknown) => console.error("[mail] outbox run failed", error));
}

/** Shutdown: take nothing new, let the mail in flight finish. */
export async function stopOutbox(): Promise<void> {
  state.stopping = true;
  state.worker = null;
  await state.running?.catch(() => {});
}
