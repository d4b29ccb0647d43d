// One fetch of one mailbox, recorded on it: lastFetchAt (and any warning) on success, lastError on
// failure. Used by the fetchers for POP3 and by "fetch now" and the tests for both protocols.
import type { Db } from "../../db";
import { AppError } from "../../errors/app-error";
import { describeMailboxError } from "./describe-error";
import { fetchImapOnce, type FetchReport } from "./imap";
import { recordFetchError, recordFetchSuccess } from "./mailbox-status";
import { fetchPop3Once } from "./pop3";

/** Fetches what is new; rejects (after recording lastError) when the mailbox cannot be fetched. */
export async function fetchMailboxOnce(db: Db, mailboxId: string): Promise<FetchReport> {
  const mailbox = await db.mailbox.findUnique({ where: { id: mailboxId } });
  if (!mailbox) throw new AppError("not_found");
  try {
    const report = mailbox.protocol === "imap" ? await fetchImapOnce(db, mailbox) : await fetchPop3Once(db, mailbox);
    await recordFetchSuccess(db, mailbox.id, report.warning);
    return report;
  } catch (error) {
    await recordFetchError(db, mailbox.id, describeMailboxError(error, mailbox));
    throw error;
  }
}
