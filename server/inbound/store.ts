// Store first, then process: every mail that comes in (IMAP, POP3, the webhook) is written raw under
// its source's own key before anything else happens. A second fetch of the same mail finds the key
// taken and stores nothing; processing (server/inbound/process.ts) reads only from this table, so a
// crash at any point after the insert loses nothing.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import type { InboundSource } from "../db/generated/enums";

export interface RawMail {
  source: InboundSource;
  /** imap:<mailbox>:<UIDVALIDITY>:<UID>, pop3:<mailbox>:<UIDL>, webhook:<Message-ID or sha256>. */
  sourceKey: string;
  mailboxId?: string | null;
  raw: Buffer;
}

/** The header block (up to the first empty line), unfolded. */
function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, 256 * 1024).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  return (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
}

/** The Message-ID header without angle brackets, or null. */
export function messageIdOf(raw: Buffer): string | null {
  const m = /^message-id:\s*<?([^\s<>]+)>?/im.exec(headerBlock(raw));
  return m ? m[1]!.slice(0, 500) : null;
}

export const sha256 = (raw: Buffer) => createHash("sha256").update(raw).digest("hex");

/** The identity of the message itself, whatever delivered it: its Message-ID, or its bytes' hash. */
export function messageKeyOf(raw: Buffer): string {
  const id = messageIdOf(raw);
  return id ? `id:${id.toLowerCase()}` : `sha256:${sha256(raw)}`;
}

/** Writes the mail unless its source key is already stored. `stored: false` means it was there:
 * the source may move or delete it all the same. */
export async function storeInbound(db: Db, mail: RawMail): Promise<{ id: string; stored: boolean }> {
  const messageId = messageIdOf(mail.raw);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "InboundMail" ("id", "source", "sourceKey", "mailboxId", "raw", "size", "messageId", "messageKey")
    VALUES (gen_random_uuid(), ${mail.source}::"InboundSource", ${mail.sourceKey}, ${mail.mailboxId ?? null}::uuid, ${mail.raw},
            ${mail.raw.length}, ${messageId}, ${messageKeyOf(mail.raw)})
    ON CONFLICT ("sourceKey") DO NOTHING
    RETURNING "id"`;
  if (rows[0]) return { id: rows[0].id, stored: true };
  const existing = await db.inboundMail.findUniqueOrThrow({ where: { sourceKey: mail.sourceKey }, select: { id: true } });
  return { id: existing.id, stored: false };
}
