// The corpus of real-world-shaped mails (tests/fixtures/mail, plus a 25 MB one and one with a file
// over the limit, generated) through the whole inbound pipeline: webhook, store, processing, the
// ticket use-cases. Every mail is accounted for — a reply in TK-000042's thread, a new ticket, a
// refusal, a note, a bounce mark, or a mail held with its reason — none crashes the processor, none
// is lost or left pending, and files Mesa may not keep are named instead of refusing the mail.
process.env.INBOUND_EMAIL_SECRET = "inbound-corpus-secret-0123456789";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/api/inbound/email/route";
import type { Db } from "../../server/db";
import { processPendingMail } from "../../server/inbound/process";
import { messageIdOf } from "../../server/inbound/store";
import { deliverOutbox } from "../../server/notifications/outbox";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { useDatabase } from "../support/http";
import { CORPUS_TICKET, loadCorpus, type CorpusMail } from "../support/mail-corpus";

let world: DemoWorld;
let db: Db;
const corpus: CorpusMail[] = loadCorpus();
const stored = new Map<string, string>(); // corpus name → InboundMail id

/** Who may open a ticket by mail at the demo's known_contacts addresses. */
const members = new Set(["partner@demo.test", "orgadmin@demo.test", "partner2@demo.test"]);
const mayOpen = (from: string | null, intake: string) =>
  !!from && (members.has(from) || (from === "martha@acme.test" && intake === "facturacion@demo.test"));

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  db = world.db;
  useDatabase(world.database);
  // TK-000042, which the corpus's replies answer, and the notifications its bounces name.
  const partner = await db.user.findUniqueOrThrow({ where: { email: CORPUS_TICKET.requester }, include: { memberships: true } });
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" } });
  await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Ticket"', 'number'), 1000)`);
  await db.ticket.create({
    data: {
      id: CORPUS_TICKET.id,
      number: CORPUS_TICKET.number,
      replyToken: CORPUS_TICKET.replyToken,
      type: "incident",
      priority: "medium",
      subject: CORPUS_TICKET.subject,
      departmentId: support.id,
      organizationId: partner.memberships[0]!.organizationId,
      requesterId: partner.id,
      messages: { create: { authorId: partner.id, kind: "public", body: "El certificado caducó ayer." } },
    },
  });
  await db.outboxMail.createMany({
    data: CORPUS_TICKET.sentMessageIds.map((id, i) => ({
      key: `corpus:${i}`,
      ticketId: CORPUS_TICKET.id,
      toAddress: CORPUS_TICKET.requester,
      subject: `[${CORPUS_TICKET.reference}] ${CORPUS_TICKET.subject}`,
      text: "…",
      html: "…",
      headers: { messageId: `<${id}>` },
      messageId: `<${id}>`,
      status: "sent" as const,
    })),
  });
  for (const mail of corpus) {
    const response = await POST(
      new Request("http://mesa.test/api/inbound/email", {
        method: "POST",
        headers: { authorization: `Bearer ${process.env.INBOUND_EMAIL_SECRET}`, "content-type": "message/rfc822" },
        body: new Uint8Array(mail.raw),
      }),
    );
    expect(response.status, mail.name).toBe(202);
    stored.set(mail.name, ((await response.json()) as { id: string }).id);
  }
  const { failed } = await processPendingMail(db);
  expect(failed).toBe(0);
  await deliverOutbox(db);
}, 300_000);
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

const recordOf = (name: string) =>
  db.inboundMail.findUniqueOrThrow({
    where: { id: stored.get(name)! },
    select: {
      status: true,
      outcome: true,
      threadRule: true,
      ticketId: true,
      detail: true,
      message: { select: { body: true, quotedText: true, attachments: { select: { name: true } } } },
    },
  });

describe("the mail corpus through the whole pipeline", () => {
  it("holds at least 30 mails, each stored once and none left pending or failed", async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(stored.values()).size).toBe(corpus.length);
    const left = await db.inboundMail.findMany({
      where: { status: { in: ["pending", "failed"] } },
      select: { subject: true, detail: true },
    });
    expect(left).toEqual([]);
  });

  it.each(corpus.map((mail) => [mail.name, mail] as const))("%s ends where a user expects it", async (_name, mail) => {
    const record = await recordOf(mail.name);
    const e = mail.expect;
    switch (e.kind) {
      case "reply": {
        if (e.senderMayWrite === false) {
          expect(record).toMatchObject({ status: "held", outcome: "sender_not_allowed", ticketId: CORPUS_TICKET.id });
          break;
        }
        expect(record).toMatchObject({ status: "processed", outcome: "reply_added", ticketId: CORPUS_TICKET.id, threadRule: e.thread });
        for (const text of e.bodyIncludes ?? []) expect(record.message?.body).toContain(text);
        for (const text of e.bodyExcludes ?? []) expect(record.message?.body).not.toContain(text);
        for (const text of e.quotedIncludes ?? []) expect(record.message?.quotedText).toContain(text);
        break;
      }
      case "new_ticket": {
        const intake = e.toIntake!;
        if (intake === "administracion@demo.test") {
          expect(record.outcome).toMatch(/^refused_(intake_off|quietly)$/);
        } else if (intake !== "ventas@demo.test" && !mayOpen(e.from, intake)) {
          expect(record.outcome).toMatch(/^refused_(not_contact|quietly)$/);
        } else {
          expect(record).toMatchObject({ status: "processed", outcome: "ticket_created" });
          const ticket = await db.ticket.findUniqueOrThrow({ where: { id: record.ticketId! }, include: { requester: true } });
          expect(ticket.channel).toBe("email");
          if (e.from) expect(ticket.requester.email).toBe(e.from);
          for (const text of e.bodyIncludes ?? []) expect(record.message?.body).toContain(text);
          const kept = (record.message?.attachments ?? []).map((a) => a.name).sort();
          const expected = (e.files ?? []).filter((f) => !f.refused).map((f) => f.name);
          expect(kept).toEqual(expected.sort());
          const refused = (e.files ?? []).filter((f) => f.refused);
          if (refused.length) {
            const note = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "files_refused" } });
            for (const f of refused) expect(note.detail).toContain(f.name);
          }
        }
        break;
      }
      case "auto_reply":
        expect(record.status).toBe("processed");
        expect(record.outcome).toMatch(/^(auto_reply_noted|automatic_ignored)$/);
        expect(record.message).toBeNull();
        break;
      case "automatic":
        expect(record).toMatchObject({ status: "processed", outcome: "automatic_ignored", message: null });
        break;
      case "bounce":
        expect(record).toMatchObject({ status: "processed", outcome: "bounce_recorded", ticketId: CORPUS_TICKET.id });
        break;
    }
  });

  it("never answers automatic mail, auto-replies or bounces", async () => {
    const machine = corpus.filter((m) => ["automatic", "auto_reply", "bounce"].includes(m.expect.kind));
    const ids = new Set(
      machine
        .map((m) => messageIdOf(m.raw))
        .filter(Boolean)
        .map((id) => `<${id}>`),
    );
    expect(ids.size).toBeGreaterThanOrEqual(machine.length - 1);
    const answers = world.mailbox!.received.filter((sent) => ids.has(String(sent.inReplyTo ?? "")));
    expect(answers).toEqual([]);
    // Senders that only ever sent machine mail got nothing at all.
    const humans = new Set(corpus.filter((m) => !machine.includes(m)).map((m) => m.expect.from));
    for (const address of new Set(machine.map((m) => m.expect.from)))
      if (address && !humans.has(address)) expect(world.mailbox!.to(address), address).toEqual([]);
  });

  it("marks the bounced notifications and their recipient", async () => {
    const bounced = await db.outboxMail.count({ where: { ticketId: CORPUS_TICKET.id, bouncedAt: { not: null } } });
    expect(bounced).toBeGreaterThanOrEqual(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: CORPUS_TICKET.requester } })).mailBouncedAt).not.toBeNull();
  });
});
