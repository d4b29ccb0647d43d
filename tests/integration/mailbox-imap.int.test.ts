// IMAP intake against a real Dovecot: mail delivered over LMTP is stored raw exactly once, then moved
// to the processed folder (or flagged \Seen), a running fetcher picks a new mail up through IDLE, and
// a folder renumbered by the server (new UIDVALIDITY) loses nothing.
// A 1 MiB limit (the smallest allowed), so one test mail is over it. Set before the configuration is read.
process.env.INBOUND_EMAIL_MAX_BYTES = String(1024 * 1024);

import { randomUUID } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { fetchMailboxOnce, startMailboxFetchers } from "../../server/inbound/sources/fetchers";
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

async function imapMailbox(options: { processedFolder?: string | null; password?: string } = {}) {
  const user = `u${randomUUID().slice(0, 8)}`;
  await dovecot.addUser(user, `pw-${user}`);
  const id = randomUUID();
  const mailbox = await db.mailbox.create({
    data: {
      id,
      name: `IMAP ${user}`,
      protocol: "imap",
      host: dovecot.host,
      port: dovecot.imapPort,
      tls: false,
      username: user,
      passwordSealed: sealSecret(options.password ?? `pw-${user}`, `mailbox:${id}:password`),
      processedFolder: options.processedFolder === undefined ? "Procesado" : options.processedFolder,
    },
  });
  return { ...mailbox, user };
}

const mail = (messageId: string, subject: string, body = "Hola, tengo un problema con el servidor.") =>
  Buffer.from(
    `From: Cliente <cliente@example.test>\r\nTo: soporte@demo.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n` +
      `Date: Mon, 01 Jun 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`,
    "latin1",
  );

/** What a mail client sees in a folder: Message-IDs and flags by UID. */
async function folder(user: string, name: string) {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.imapPort,
    secure: false,
    auth: { user, pass: `pw-${user}` },
    logger: false,
  });
  await client.connect();
  try {
    const box = await client.mailboxOpen(name, { readOnly: true });
    const messages = box.exists ? await client.fetchAll("1:*", { uid: true, envelope: true, flags: true }) : [];
    return messages.map((m) => ({ uid: m.uid, messageId: m.envelope?.messageId, seen: !!m.flags?.has("\\Seen") }));
  } finally {
    await client.logout();
  }
}

const stored = (mailboxId: string) =>
  db.inboundMail.findMany({
    where: { mailboxId },
    orderBy: { sourceKey: "asc" },
    select: { sourceKey: true, raw: true, messageId: true, source: true },
  });

describe("IMAP mailbox", () => {
  it("stores every delivered mail once, with its bytes, then moves it to the processed folder", async () => {
    const mailbox = await imapMailbox();
    const sent = [
      mail("a1@example.test", "Servidor caído"),
      mail("a2@example.test", "Factura", "Adjunto la factura de señal"),
      mail("a3@example.test", "Hola"),
    ];
    for (const raw of sent) await dovecot.deliver(mailbox.user, raw);

    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({ stored: 3, handled: 3, warning: null });

    const row = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    const rows = await stored(mailbox.id);
    expect(rows.map((r) => r.sourceKey)).toEqual([1, 2, 3].map((uid) => `imap:${mailbox.id}:${row.uidValidity}:${uid}`));
    // Raw bytes as the server holds them: its own trace headers, then the message byte for byte (ñ in latin-1).
    rows.forEach((r, i) => expect(Buffer.from(r.raw).subarray(-sent[i]!.length)).toEqual(sent[i]));
    expect(rows.map((r) => r.source)).toEqual(["imap", "imap", "imap"]);
    expect(row).toMatchObject({ lastUid: 3n, lastError: null });
    expect(row.lastFetchAt).not.toBeNull();

    expect(await folder(mailbox.user, "INBOX")).toEqual([]);
    expect((await folder(mailbox.user, "Procesado")).map((m) => m.messageId)).toEqual([
      "<a1@example.test>",
      "<a2@example.test>",
      "<a3@example.test>",
    ]);

    // Nothing new: nothing stored.
    expect(await fetchMailboxOnce(db, mailbox.id)).toMatchObject({ stored: 0, handled: 0 });
    expect(await db.inboundMail.count({ where: { mailboxId: mailbox.id } })).toBe(3);
  });

  it("without a processed folder flags fetched mail \\Seen, leaves it there and never stores it twice", async () => {
    const mailbox = await imapMailbox({ processedFolder: null });
    await dovecot.deliver(mailbox.user, mail("b1@example.test", "Uno"));
    await dovecot.deliver(mailbox.user, mail("b2@example.test", "Dos"));
    expect((await fetchMailboxOnce(db, mailbox.id)).stored).toBe(2);
    expect(await folder(mailbox.user, "INBOX")).toEqual([
      { uid: 1, messageId: "<b1@example.test>", seen: true },
      { uid: 2, messageId: "<b2@example.test>", seen: true },
    ]);

    await dovecot.deliver(mailbox.user, mail("b3@example.test", "Tres"));
    expect((await fetchMailboxOnce(db, mailbox.id)).stored).toBe(1);
    expect((await fetchMailboxOnce(db, mailbox.id)).stored).toBe(0);
    expect((await stored(mailbox.id)).map((r) => r.messageId)).toEqual(["b1@example.test", "b2@example.test", "b3@example.test"]);
  });

  it("loses nothing when the server renumbers the folder (new UIDVALIDITY)", async () => {
    const mailbox = await imapMailbox();
    await dovecot.deliver(mailbox.user, mail("c1@example.test", "Antes 1"));
    await dovecot.deliver(mailbox.user, mail("c2@example.test", "Antes 2"));
    await fetchMailboxOnce(db, mailbox.id);
    const before = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(before.lastUid).toBe(2n);

    await dovecot.deliver(mailbox.user, mail("c3@example.test", "Después 1"));
    await dovecot.deliver(mailbox.user, mail("c4@example.test", "Después 2"));
    // The server rebuilds the folder's index: new UIDVALIDITY, and the two waiting mails get UIDs 1
    // and 2 again — at or below the lastUid of the old numbering.
    const inbox = path.join(dovecot.dir, "mail", mailbox.user);
    for (const file of await readdir(inbox))
      if (file === "dovecot-uidlist" || file.startsWith("dovecot.index")) await rm(path.join(inbox, file));
    expect((await folder(mailbox.user, "INBOX")).map((m) => m.uid)).toEqual([1, 2]);

    expect((await fetchMailboxOnce(db, mailbox.id)).stored).toBe(2);
    const after = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect((await stored(mailbox.id)).map((r) => r.messageId).sort()).toEqual([
      "c1@example.test",
      "c2@example.test",
      "c3@example.test",
      "c4@example.test",
    ]);
    expect(await folder(mailbox.user, "INBOX")).toEqual([]);
  });

  it("leaves a mail too big to fetch in the folder, names it on the mailbox and fetches the others", async () => {
    const mailbox = await imapMailbox();
    await dovecot.deliver(mailbox.user, mail("big@example.test", "Enorme", "x".repeat(76).concat("\r\n").repeat(16_000)));
    await dovecot.deliver(mailbox.user, mail("small@example.test", "Normal"));
    const report = await fetchMailboxOnce(db, mailbox.id);
    expect(report).toMatchObject({
      stored: 1,
      warning: expect.stringMatching(/^Not fetched, over the limit of 1\.0 MB: UID 1 \(1\.2 MB\)/),
    });
    expect((await stored(mailbox.id)).map((r) => r.messageId)).toEqual(["small@example.test"]);
    expect(await folder(mailbox.user, "INBOX")).toEqual([{ uid: 1, messageId: "<big@example.test>", seen: false }]);
    // It stays named while it waits there unread, even after fetches that found nothing new.
    await fetchMailboxOnce(db, mailbox.id);
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastError).toBe(report.warning);
  });

  it("a running fetcher picks up a new mail through IDLE within seconds, and only the lease holder fetches", async () => {
    const mailbox = await imapMailbox();
    // Only this mailbox is enabled (the other tests' ones are left alone).
    await db.mailbox.updateMany({ where: { id: { not: mailbox.id } }, data: { enabled: false } });
    // Another node holds the lease: this one waits.
    await db.mailbox.update({ where: { id: mailbox.id }, data: { leaseOwner: "other-node", leaseUntil: new Date(Date.now() + 60_000) } });
    await dovecot.deliver(mailbox.user, mail("d1@example.test", "Mientras otro nodo"));
    // A poll far away: only IDLE can bring the next mail in quickly.
    const fetchers = startMailboxFetchers(() => db, { nodeId: "node-a", pollSeconds: 600, renewSeconds: 1 });
    try {
      await fetchers.ready;
      expect(fetchers.running()).toEqual([]);
      expect(await db.inboundMail.count({ where: { mailboxId: mailbox.id } })).toBe(0);

      // The other node's lease lapses: this node takes the mailbox over and fetches what waited.
      await db.mailbox.update({ where: { id: mailbox.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
      await expect.poll(() => db.inboundMail.count({ where: { mailboxId: mailbox.id } }), { timeout: 15_000, interval: 100 }).toBe(1);
      expect(fetchers.running()).toEqual([mailbox.id]);
      expect((await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).leaseOwner).toBe("node-a");

      const delivered = Date.now();
      await dovecot.deliver(mailbox.user, mail("d2@example.test", "Llega en directo"));
      await expect
        .poll(() => db.inboundMail.count({ where: { mailboxId: mailbox.id, messageId: "d2@example.test" } }), {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(1);
      expect(Date.now() - delivered).toBeLessThan(10_000);
      await expect.poll(async () => (await folder(mailbox.user, "INBOX")).length, { timeout: 5000, interval: 100 }).toBe(0);

      // Disabled on the Buzones screen: its fetcher ends and the lease is given back.
      await db.mailbox.update({ where: { id: mailbox.id }, data: { enabled: false } });
      await expect.poll(() => fetchers.running(), { timeout: 5000, interval: 100 }).toEqual([]);
      await expect.poll(async () => (await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).leaseOwner).toBeNull();
      await db.mailbox.update({ where: { id: mailbox.id }, data: { enabled: true } });
      await expect.poll(() => fetchers.running(), { timeout: 5000, interval: 100 }).toEqual([mailbox.id]);
    } finally {
      await fetchers.stop();
    }
    // Stopped: the lease is free for the other nodes.
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).leaseOwner).toBeNull();
  });

  it("Probar conexión opens the folder, and a wrong password shows on the mailbox", async () => {
    const good = await imapMailbox();
    await dovecot.deliver(good.user, mail("e1@example.test", "Uno"));
    expect(await testMailboxConnection(db, good.id)).toEqual({ ok: true, detail: "INBOX: 1 message" });

    const wrong = await imapMailbox({ password: "not-the-password" });
    const result = await testMailboxConnection(db, wrong.id);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Authentication failed/);
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: wrong.id } });
    expect(row.lastError).toMatch(/^Authentication failed/);
    expect(row.lastErrorAt).not.toBeNull();
    await expect(fetchMailboxOnce(db, wrong.id)).rejects.toThrow();
    expect(await db.inboundMail.count({ where: { mailboxId: wrong.id } })).toBe(0);
  });
});
