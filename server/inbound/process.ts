// The inbound processor: claims stored mails (FOR UPDATE SKIP LOCKED, so several nodes share the
// work and never take the same mail), processes each on its own — one bad mail never stops the
// others — and retries a failure with growing delays until MAX_ATTEMPTS, after which the mail waits
// as failed, raw bytes and error kept, in Administración › Correo entrante. A claim is a lease: a
// processor killed mid-mail leaves it to the next one.
import type { Db } from "../db";
import { isUniqueViolation } from "../errors/database-error";
import { AppError } from "../errors/app-error";
import { failedOutcome } from "./outcomes";
import { ClaimLost, holdForRule, processMail, type StoredMail } from "./process-mail";

/** One mail per claim: a processor killed mid-mail leaves only that one waiting for its lease. */
const BATCH = 1;
/** Long enough for a 25 MB mail with its files on a slow disk (a few seconds), short enough that a
 * mail whose processor died is taken up again within a minute. */
const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 5;
/** 1 min, 4, 16, 64… */
const retryDelayMs = (attempts: number) => 60_000 * 4 ** (attempts - 1);

async function claim(db: Db, now: Date): Promise<(StoredMail & { attempts: number })[]> {
  const until = new Date(+now + LEASE_MS);
  return db.$queryRaw<(StoredMail & { attempts: number })[]>`
    UPDATE "InboundMail" SET "claimedUntil" = ${until}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "InboundMail"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "receivedAt", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "raw", "messageKey", "attempts"`;
}

async function recordFailure(db: Db, mail: StoredMail & { attempts: number }, error: unknown, now: Date): Promise<void> {
  const detail = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000);
  const gaveUp = mail.attempts >= MAX_ATTEMPTS;
  await db.inboundMail.updateMany({
    where: { id: mail.id, status: "pending" },
    data: gaveUp
      ? { status: "failed", outcome: failedOutcome, detail, claimedUntil: null }
      : { detail, claimedUntil: null, nextAttemptAt: new Date(+now + retryDelayMs(mail.attempts)) },
  });
  console.error(`[inbound] mail ${mail.id} failed (attempt ${mail.attempts}${gaveUp ? ", kept as failed" : ""}): ${detail.split("\n")[0]}`);
}

async function processOne(db: Db, mail: StoredMail & { attempts: number }, now: Date): Promise<"done" | "failed"> {
  try {
    try {
      await processMail(db, mail, now);
    } catch (error) {
      // Another copy of the message was accepted, or another processor wrote this mail's message,
      // while this run worked: nothing of it was written. Once more, it finds that and says so.
      if (!isUniqueViolation(error)) throw error;
      await processMail(db, mail, now);
    }
    return "done";
  } catch (error) {
    // Another processor finished it (its lease here had run out).
    if (error instanceof ClaimLost) return "done";
    if (error instanceof AppError) {
      await holdForRule(db, mail, error.messageKey, now).catch((e: unknown) => recordFailure(db, mail, e, now));
      return "done";
    }
    await recordFailure(db, mail, error, now);
    return "failed";
  }
}

/** Processes everything due, batch after batch; returns how many mails were done and failed. */
export async function processPendingMail(db: Db, clock: () => Date = () => new Date()): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (;;) {
    const batch = await claim(db, clock());
    if (!batch.length) break;
    for (const mail of batch) {
      if ((await processOne(db, mail, clock())) === "done") done++;
      else failed++;
    }
  }
  return { done, failed };
}
