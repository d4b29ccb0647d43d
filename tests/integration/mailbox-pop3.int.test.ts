// POP3 intake against a real Dovecot: mail delivered over LMTP is stored raw exactly once and then
// deleted on the server; a fetch that died after storing but before QUIT does not double anything.
// A 1 MiB limit (the smallest allowed), so one test mail is over it. Set before the configuration is read.
process.env.INBOUND_EMAIL_MAX_BYTES = String(1024 * 1024);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { storeInbound } from "../../server/inbound/store";
import { fetchMailboxOnce } from "../../server/inbound/sources/fetchers";
import { Pop3Session, unstuff } from "../../server/inbound/sources/pop3";
import { testMailboxConnection } from "../../server/inbound/sources/test-connection";
import { sealSecret } from "../../server/sensitive/secret-box";
import { startDovecot, type Dovecot } from "../support/dovecot";
import { freshDatabase } from "../support/test-db";

let db: Db;
freshDatabase((d) => (db = d));

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(() => dovecot?.stop());

async function pop3Mailbox(options: { password?: string } = {}) {
  const user = `p${randomUUID().slice(0, 8)}`;
  await dovecot.addUser(user, `pw-${user}`);
  const id = randomUUID();
  const mailbox = await db.mailbox.create({
    data: {
      id,
      name: `POP3 ${user}`,
      protocol: "pop3",
      host: dovecot.host,
      port: dovecot.pop3Port,
      tls: false,
      username: user,
      passwordSealed: sealSecret(options.password ?? `pw-${user}`, `mailbox:${id}:password`),
    },
  });
  return { ...mailbox, user };
}

// A line starting with "." (dot-stuffed on the wire) and 8-bit latin-1 bytes: both must come back as sent.
const mail = (messageId: string, subject: string, extra = "") =>
  Buffer.from(
    `From: Cliente <cliente@example.test>\r\nTo: soporte@demo.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n` +
      `Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n` +
      `Buenos días, el año pasado pagué.\r\n.una línea que empieza con punto\r\n..y otra con dos\r\n${extra}`,
    "latin1",
  );

const storedIds = async (mailboxId: string) =>
  (await db.inboundMail.findMany({ where: { mailboxId }, select: { messageId: true } })).map((r) => r.messageId).sort();

describe("POP3 mailbox", () => {
  it("stores every delivered mail once, byte for byte, and deletes it on the server", async () => {
    const mailbox = await pop3Mailbox();
    const sent = [mail("p1@example.test", "Uno"), mail("p2@example.test", "Dos"), mail("p3@example.test", "Tres")];
    for (const raw of sent) await dovecot.deliver(mailbox.user, raw);
    expect(await testMailboxConnection(db, mailbox.id)).toEqual({ ok: true, detail: "3 messages" });

    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({ stored: 3, handled: 3, warning: null });
    const rows = await db.inboundMail.findMany({ where: { mailboxId: mailbox.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => r.source)).toEqual(["pop3", "pop3", "pop3"]);
    for (const row of rows) {
      expect(row.sourceKey).toMatch(new RegExp(`^pop3:${mailbox.id}:[0-9a-fA-F]{16}$`));
      const original = sent.find((s) => s.includes(`<${row.messageId}>`))!;
      // The server's trace headers, then the message as it was sent.
      expect(Buffer.from(row.raw).subarray(-original.length)).toEqual(original);
    }
    const after = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(after.lastError).toBeNull();
    expect(after.lastFetchAt).not.toBeNull();

    // Deleted on the server; a second fetch finds nothing.
    expect(await testMailboxConnection(db, mailbox.id)).toEqual({ ok: true, detail: "0 messages" });
    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({ stored: 0, handled: 0 });
    expect(await db.inboundMail.count({ where: { mailboxId: mailbox.id } })).toBe(3);
  });

  it("after a fetch that stored mail and died before deleting it, the next one does not double it", async () => {
    const mailbox = await pop3Mailbox();
    for (const n of [1, 2, 3]) await dovecot.deliver(mailbox.user, mail(`q${n}@example.test`, `Mensaje ${n}`));

    // A fetch that stored the first two, then lost its connection before QUIT (so no DELE was applied).
    const crashed = await Pop3Session.open(db, mailbox);
    const uidls = (await crashed.lines("UIDL")).slice(0, 2);
    for (const [n, uidl] of uidls) {
      const [, stream] = await crashed.command("RETR", Number(n));
      const { bytes } = await crashed.body(stream);
      await storeInbound(db, { source: "pop3", sourceKey: `pop3:${mailbox.id}:${uidl}`, mailboxId: mailbox.id, raw: unstuff(bytes) });
      await crashed.command("DELE", Number(n));
    }
    crashed.close();
    expect(await testMailboxConnection(db, mailbox.id)).toEqual({ ok: true, detail: "3 messages" });

    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({ stored: 1, handled: 3 });
    expect(await storedIds(mailbox.id)).toEqual(["q1@example.test", "q2@example.test", "q3@example.test"]);
    expect(await testMailboxConnection(db, mailbox.id)).toEqual({ ok: true, detail: "0 messages" });
  });

  it("leaves a mail too big to fetch on the server, names it on the mailbox and fetches the others", async () => {
    const mailbox = await pop3Mailbox();
    await dovecot.deliver(mailbox.user, mail("big@example.test", "Enorme", "x".repeat(76).concat("\r\n").repeat(16_000)));
    await dovecot.deliver(mailbox.user, mail("small@example.test", "Normal"));
    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({
      stored: 1,
      warning: expect.stringMatching(/^Not fetched, over the limit of 1\.0 MB: message 1 \(1\.2 MB\)/),
    });
    expect(await storedIds(mailbox.id)).toEqual(["small@example.test"]);
    expect(await testMailboxConnection(db, mailbox.id)).toEqual({ ok: true, detail: "1 message" });
  });

  it("a wrong password shows on the mailbox, and nothing is fetched", async () => {
    const mailbox = await pop3Mailbox({ password: "not-the-password" });
    await dovecot.deliver(mailbox.user, mail("w1@example.test", "Uno"));
    const result = await testMailboxConnection(db, mailbox.id);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Authentication failed: .*Authentication failed/) });
    await expect(fetchMailboxOnce(db, mailbox.id)).rejects.toThrow(/Authentication failed/);
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(row.lastError).toMatch(/^Authentication failed/);
    expect(row.lastErrorAt).not.toBeNull();
    expect(await db.inboundMail.count({ where: { mailboxId: mailbox.id } })).toBe(0);
  });
});
