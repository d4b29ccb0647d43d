// "Probar conexión" on the Buzones screen: sign in and open the folder (IMAP) or STAT (POP3), with
// the mailbox's saved settings. The answer is recorded like a fetch's: an error stays on the mailbox
// (lastError), a success clears it. OAuth2 trouble (a revoked grant) also sets authProblem, in oauth2.ts.
import type { Db } from "../../db";
import { describeMailboxError } from "./describe-error";
import { probeImap } from "./imap";
import { recordConnectionOk, recordFetchError } from "./mailbox-status";
import { probePop3 } from "./pop3";

export type ConnectionTest = { ok: true; detail: string } | { ok: false; error: string };

export async function testMailboxConnection(db: Db, mailboxId: string): Promise<ConnectionTest> {
  const mailbox = await db.mailbox.findUnique({ where: { id: mailboxId } });
  if (!mailbox) return { ok: false, error: "The mailbox does not exist." };
  try {
    const detail = mailbox.protocol === "imap" ? await probeImap(db, mailbox) : await probePop3(db, mailbox);
    await recordConnectionOk(db, mailbox.id);
    return { ok: true, detail };
  } catch (error) {
    const message = describeMailboxError(error, mailbox);
    await recordFetchError(db, mailbox.id, message);
    return { ok: false, error: message };
  }
}
