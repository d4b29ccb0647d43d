// What the "Buzones" screen shows of a mailbox's health: when its last fetch succeeded, and the last
// error (cleared by the next success, unless that success left something behind worth naming, such as
// a mail too big to fetch). Written with updateMany so a mailbox deleted meanwhile is not an error.
import type { Db } from "../../db";

export async function recordFetchSuccess(db: Db, mailboxId: string, warning: string | null = null, now = new Date()): Promise<void> {
  await db.mailbox.updateMany({
    where: { id: mailboxId },
    data: { lastFetchAt: now, lastError: warning, lastErrorAt: warning ? now : null },
  });
}

export async function recordConnectionOk(db: Db, mailboxId: string): Promise<void> {
  await db.mailbox.updateMany({ where: { id: mailboxId }, data: { lastError: null, lastErrorAt: null } });
}

export async function recordFetchError(db: Db, mailboxId: string, error: string, now = new Date()): Promise<void> {
  await db.mailbox.updateMany({ where: { id: mailboxId }, data: { lastError: error.slice(0, 2000), lastErrorAt: now } });
}
