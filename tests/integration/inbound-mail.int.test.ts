// The email channel end to end below the browser: raw mails posted to the inbound webhook (as a mail
// provider does), processed by the same use-cases as the panel, answered through a real SMTP server.
// Each intake policy of the demo data (seeds 002, 003, 004), the threading rules, who may write into
// a thread, replies to resolved and closed tickets, loops and automatic mail, duplicates and bounces.
process.env.INBOUND_EMAIL_SECRET = "inbound-test-secret-0123456789";
process.env.INBOUND_EMAIL_MAX_BYTES = String(1024 * 1024);

import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/api/inbound/email/route";
import { dispatchPending } from "../../server/after-commit/dispatcher";
import type { Db } from "../../server/db";
import { processPendingMail } from "../../server/inbound/process";
import { storeInbound } from "../../server/inbound/store";
import { deliverOutbox } from "../../server/notifications/outbox";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, type SignedIn } from "../support/factories";
import { useDatabase } from "../support/http";
import { buildMail, quotedReply, type TestMail } from "../support/mail-builder";

let world: DemoWorld;
let db: Db;
let agent: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  db = world.db;
  useDatabase(world.database);
  agent = await world.login("agent@demo.test");
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

const post = (raw: Buffer | string, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://mesa.test/api/inbound/email", {
      method: "POST",
      headers: { authorization: `Bearer ${process.env.INBOUND_EMAIL_SECRET}`, "content-type": "message/rfc822", ...headers },
      body: typeof raw === "string" ? raw : new Uint8Array(raw),
    }),
  );

/** Posts the mail, lets Mesa process it and send what it sends; returns the stored mail's record. */
async function receive(mail: TestMail | Buffer) {
  const raw = Buffer.isBuffer(mail) ? mail : await buildMail(mail);
  const response = await post(raw);
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await processPendingMail(db);
  await dispatchPending(db);
  await deliverOutbox(db);
  return db.inboundMail.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true, outcome: true, ticketId: true, threadRule: true, detail: true, message: { select: { id: true } } },
  });
}

const inbox = (address: string) => world.mailbox!.to(address);
const lastTo = (address: string): ParsedMail => inbox(address).at(-1)!;
const replyAddressOf = (mail: ParsedMail) => String(mail.replyTo?.value[0]?.address);
const threadOf = (ticketId: string) =>
  db.message.findMany({
    where: { ticketId, kind: { not: "system" } },
    orderBy: { createdAt: "asc" },
    select: { body: true, kind: true, quotedText: true, author: { select: { email: true } } },
  });

describe("the inbound webhook", () => {
  it("refuses a missing or wrong secret, another body type and a mail over the limit, storing nothing", async () => {
    const before = await db.inboundMail.count();
    const raw = await buildMail({ from: "x@example.test", to: "ventas@demo.test", subject: "hola", text: "hola" });
    expect((await post(raw, { authorization: "" })).status).toBe(401);
    expect((await post(raw, { authorization: "Bearer wrong-secret-wrong-secret-00" })).status).toBe(401);
    expect((await post(raw, { "content-type": "application/json" })).status).toBe(415);
    expect((await post(Buffer.alloc(1024 * 1024 + 10, "a"))).status).toBe(413);
    expect(await db.inboundMail.count()).toBe(before);
  });
});

describe("new tickets by mail, per department policy", () => {
  it("anyone (Ventas): a stranger's mail opens a ticket and the stranger gets its number in their language", async () => {
    const result = await receive({
      from: "Nuno Estranho <nuno@cliente.test>",
      to: "ventas@demo.test",
      subject: "Orçamento para 3 VPS",
      text: "Bom dia, gostaria de um orçamento.",
      headers: { "Content-Language": "pt-BR" },
    });
    expect(result).toMatchObject({ status: "processed", outcome: "ticket_created", threadRule: null });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: result.ticketId! }, include: { requester: true, department: true } });
    expect(ticket).toMatchObject({ channel: "email", subject: "Orçamento para 3 VPS", organizationId: null });
    expect(ticket.department.slug).toBe("ventas");
    expect(ticket.requester).toMatchObject({ email: "nuno@cliente.test", passwordHash: null, locale: "pt" });
    const confirmation = lastTo("nuno@cliente.test");
    expect(confirmation.subject).toContain(`TK-${String(ticket.number).padStart(6, "0")}`);
    expect(confirmation.text).toContain("Orçamento"); // in Portuguese, from Content-Language
    expect(replyAddressOf(confirmation)).toBe(`reply+${ticket.replyToken}@mesa.localhost`);
  });

  it("known_contacts (Soporte): a member opens a ticket for their organization; a stranger gets the refusal", async () => {
    const member = await receive({ from: "partner@demo.test", to: "soporte@demo.test", subject: "Web caída", text: "La web no carga." });
    expect(member.outcome).toBe("ticket_created");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: member.ticketId! }, include: { organization: true } });
    expect(ticket.organization?.name).toBe("Acme Hosting");

    const stranger = await receive({ from: "desconocido@otra.test", to: "soporte@demo.test", subject: "Ayuda", text: "Hola" });
    expect(stranger).toMatchObject({ status: "processed", outcome: "refused_not_contact", ticketId: null });
    // No profile and no Content-Language: the deployment's default language.
    expect(lastTo("desconocido@otra.test").text).toContain("authorized contacts");
  });

  it("known_contacts (Facturación): Martha, authorized for billing, opens a ticket; for Soporte she gets the refusal", async () => {
    const billing = await receive({
      from: "Martha <martha@acme.test>",
      to: "facturacion@demo.test",
      subject: "Factura de noviembre",
      text: "¿Me la reenviáis?",
    });
    expect(billing.outcome).toBe("ticket_created");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: billing.ticketId! }, include: { organization: true, category: true } });
    expect(ticket.organization?.name).toBe("Acme Hosting");
    expect(ticket.category?.slug).toBe("facturacion");
    expect(lastTo("martha@acme.test").subject).toContain("Factura de noviembre");
    // Not a member of Acme, and no password: she acts by mail (and may set one through the reset flow).
    const martha = await db.user.findUniqueOrThrow({ where: { email: "martha@acme.test" }, include: { memberships: true } });
    expect(martha).toMatchObject({ passwordHash: null, memberships: [] });

    const support = await receive({
      from: "martha@acme.test",
      to: "soporte@demo.test",
      subject: "El servidor va lento",
      text: "Desde ayer.",
    });
    expect(support.outcome).toBe("refused_not_contact");
  });

  it("off (Administración): a refusal that points to the panel, no ticket, at most one refusal per sender per day", async () => {
    const count = await db.ticket.count();
    const first = await receive({ from: "partner2@demo.test", to: "administracion@demo.test", subject: "Cambio de titular", text: "Hola" });
    expect(first).toMatchObject({ outcome: "refused_intake_off", ticketId: null });
    const refusal = lastTo("partner2@demo.test");
    expect(refusal.text).toContain("http://mesa.test/es/tickets/new");
    expect(String(refusal.headers.get("auto-submitted"))).toBe("auto-replied");
    const received = inbox("partner2@demo.test").length;
    const second = await receive({ from: "partner2@demo.test", to: "administracion@demo.test", subject: "Otra vez", text: "Hola" });
    expect(second.outcome).toBe("refused_quietly");
    expect(inbox("partner2@demo.test").length).toBe(received);
    expect(await db.ticket.count()).toBe(count);
  });

  it("a mail to no intake address waits for staff with its reason", async () => {
    const held = await receive({ from: "partner@demo.test", to: "otra-cosa@demo.test", subject: "¿?", text: "Hola" });
    expect(held).toMatchObject({ status: "held", outcome: "no_intake_address" });
  });
});

describe("replies by mail", () => {
  let ticketId: string;
  let number: string;
  let confirmation: ParsedMail;

  beforeAll(async () => {
    const opened = await receive({
      from: "partner@demo.test",
      to: "soporte@demo.test",
      subject: "Correo rechazado",
      text: "Los correos rebotan.",
    });
    ticketId = opened.ticketId!;
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    number = `TK-${String(ticket.number).padStart(6, "0")}`;
    confirmation = lastTo("partner@demo.test");
  });

  it("through the reply address: the text enters the thread without the quoted history, which is kept apart", async () => {
    const result = await receive({
      from: "partner@demo.test",
      to: replyAddressOf(confirmation),
      subject: `Re: ${confirmation.subject}`,
      text: quotedReply("Ya lo he probado otra vez y sigue igual.", confirmation.text ?? ""),
      inReplyTo: confirmation.messageId,
      references: confirmation.messageId,
    });
    expect(result).toMatchObject({ outcome: "reply_added", ticketId, threadRule: "reply_token" });
    const last = (await threadOf(ticketId)).at(-1)!;
    expect(last.body).toBe("Ya lo he probado otra vez y sigue igual.");
    expect(last.quotedText).toContain("escribió:");
  });

  it("through In-Reply-To alone, and through the number in the subject from someone who may see the ticket", async () => {
    const byHeader = await receive({
      from: "partner@demo.test",
      to: "soporte@demo.test",
      subject: "sin número",
      text: "Dato extra.",
      inReplyTo: confirmation.messageId,
    });
    expect(byHeader).toMatchObject({ outcome: "reply_added", ticketId, threadRule: "references" });
    const bySubject = await receive({
      from: "partner@demo.test",
      to: "soporte@demo.test",
      subject: `Sobre [${number}]`,
      text: "Otro dato.",
    });
    expect(bySubject).toMatchObject({ outcome: "reply_added", ticketId, threadRule: "subject_number" });
  });

  it("the number in the subject from someone who may not see the ticket is not a reply to it", async () => {
    const result = await receive({
      from: "partner2@demo.test",
      to: "soporte@demo.test",
      subject: `Re: [${number}]`,
      text: "¿Puedo ver esto?",
    });
    expect(result.ticketId).not.toBe(ticketId);
    expect(result.threadRule).toBeNull();
  });

  it("a valid reply address used by someone else is held for staff, never shown to the customer", async () => {
    const result = await receive({ from: "intruso@otra.test", to: replyAddressOf(confirmation), subject: "Re: hola", text: "Soy otro." });
    expect(result).toMatchObject({ status: "held", outcome: "sender_not_allowed", ticketId, threadRule: "reply_token" });
    expect((await threadOf(ticketId)).map((m) => m.body)).not.toContain("Soy otro.");
  });

  it("an agent answering by mail posts a public reply as that agent, and the customer is told", async () => {
    const before = inbox("partner@demo.test").length;
    const result = await receive({
      from: "agent@demo.test",
      to: replyAddressOf(confirmation),
      subject: "Re: caso",
      text: "Revisad el registro SPF.",
    });
    expect(result.outcome).toBe("reply_added");
    const last = (await threadOf(ticketId)).at(-1)!;
    expect(last).toMatchObject({ kind: "public", body: "Revisad el registro SPF.", author: { email: "agent@demo.test" } });
    expect(inbox("partner@demo.test").length).toBe(before + 1);
    expect(lastTo("partner@demo.test").text).toContain("Revisad el registro SPF.");
  });

  it("a reply to a resolved ticket brings it back to work; to a closed one it reopens it, keeping the history", async () => {
    const caller = callerFor(db, agent, "es");
    await caller.tickets.setStatus({ ticket: ticketId, status: "resolved" });
    await receive({ from: "partner@demo.test", to: replyAddressOf(confirmation), subject: "Re", text: "No está resuelto." });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe("open");

    await caller.tickets.setStatus({ ticket: ticketId, status: "closed" });
    const messages = (await threadOf(ticketId)).length;
    const result = await receive({ from: "partner@demo.test", to: replyAddressOf(confirmation), subject: "Re", text: "Vuelve a pasar." });
    expect(result.outcome).toBe("reply_added");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe("reopened");
    expect((await threadOf(ticketId)).length).toBe(messages + 1);
  });
});

describe("loops, automatic mail, duplicates and bounces", () => {
  it("an auto-responder answering a refusal gets nothing back", async () => {
    await receive({ from: "robot@lejos.test", to: "administracion@demo.test", subject: "Consulta", text: "Hola" });
    const refusal = lastTo("robot@lejos.test");
    const sent = world.mailbox!.received.length;
    const result = await receive({
      from: "robot@lejos.test",
      to: "administracion@demo.test",
      subject: `Respuesta automática: ${refusal.subject}`,
      text: "Estoy fuera de la oficina.",
      inReplyTo: refusal.messageId,
      headers: { "Auto-Submitted": "auto-replied" },
    });
    expect(result.status).toBe("processed");
    expect(world.mailbox!.received.length).toBe(sent);
  });

  it("an out-of-office reply never shows in the customer's thread: staff see a note", async () => {
    const opened = await receive({ from: "partner@demo.test", to: "soporte@demo.test", subject: "DNS", text: "El dominio no resuelve." });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: opened.ticketId! } });
    const result = await receive({
      from: "partner@demo.test",
      to: `reply+${ticket.replyToken}@mesa.localhost`,
      subject: "Fuera de la oficina",
      text: "Vuelvo el lunes.",
      headers: { "Auto-Submitted": "auto-replied", "X-Autoreply": "yes" },
    });
    expect(result.outcome).toBe("auto_reply_noted");
    expect((await threadOf(ticket.id)).map((m) => m.body)).not.toContain("Vuelvo el lunes.");
    const partner = await world.login("partner@demo.test");
    const seen = await callerFor(db, partner, "es").tickets.get({ ticket: ticket.id });
    expect(JSON.stringify(seen)).not.toContain("auto_reply_received");
    const staffView = await callerFor(db, agent, "es").tickets.get({ ticket: ticket.id });
    expect(JSON.stringify(staffView)).toContain("auto_reply_received");
  });

  it("the same mail delivered twice is one message", async () => {
    const raw = await buildMail({ from: "partner@demo.test", to: "soporte@demo.test", subject: "Duplicado", text: "Una sola vez." });
    const first = await receive(raw);
    // The same bytes through another route (a mailbox), and the same Message-ID posted again.
    expect(first.outcome).toBe("ticket_created");
    await storeInbound(db, { source: "imap", sourceKey: "imap:test:1:1", raw });
    await processPendingMail(db);
    expect((await post(raw)).status).toBe(202);
    await processPendingMail(db);
    expect(await db.ticket.count({ where: { subject: "Duplicado" } })).toBe(1);
    expect(await db.message.count({ where: { body: "Una sola vez." } })).toBe(1);
    expect(await db.inboundMail.count({ where: { sourceKey: "imap:test:1:1", outcome: "duplicate" } })).toBe(1);
  });

  it("Mesa's own mail coming back is dropped", async () => {
    const own = lastTo("partner@demo.test");
    const result = await receive({
      from: "partner@demo.test",
      to: "soporte@demo.test",
      subject: own.subject ?? "",
      text: own.text ?? "",
      messageId: own.messageId,
    });
    expect(result).toMatchObject({ status: "processed", outcome: "own_mail", ticketId: null });
  });

  it("a bounce of one of Mesa's mails marks that mail and its recipient, and is never answered", async () => {
    const sent = await db.outboxMail.findFirstOrThrow({
      where: { toAddress: "partner2@demo.test", status: "sent" },
      orderBy: { id: "desc" },
    });
    const dsn = Buffer.from(
      [
        "From: Mail Delivery System <MAILER-DAEMON@mx.demo.test>",
        "To: no-reply@mesa.localhost",
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <bounce-1@mx.demo.test>",
        "Auto-Submitted: auto-replied",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        "MIME-Version: 1.0",
        "",
        "--b1",
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        "--b1",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.demo.test",
        "",
        "Final-Recipient: rfc822; partner2@demo.test",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
        "--b1",
        "Content-Type: text/rfc822-headers",
        "",
        `Message-ID: ${sent.messageId}`,
        "To: partner2@demo.test",
        "--b1--",
        "",
      ].join("\r\n"),
    );
    const before = world.mailbox!.received.length;
    const result = await receive(dsn);
    expect(result.outcome).toBe("bounce_recorded");
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: sent.id } })).bouncedAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } })).mailBounceDetail).toContain("5.1.1");
    expect(world.mailbox!.received.length).toBe(before);
  });
});
