// What the ticket page receives of the email channel: a mailed message's quoted history ("Mostrar
// texto citado") for everyone who sees the message; for support staff only, which threading rule
// brought each mail in and whose address bounces ("El correo rebotó"). A customer's answer carries
// neither key, not even empty. The mails and bounces are written straight into the database, as the
// intake and the bounce handling leave them.
import type { SignedIn } from "../support/factories";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { createTicket } from "../../server/tickets/create-ticket";
import { getTicket } from "../../server/tickets/get-ticket";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor } from "../support/factories";

const QUOTE = "El lun, 3 mar 2031 a las 10:00, Soporte <soporte@demo.test> escribió:\n> ¿Desde qué navegador entras?";
const BOUNCED_AT = new Date("2031-03-03T11:00:00Z");

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let orgAdmin: SignedIn;
let agent: SignedIn;
let ticketId: string;
let firstMessageId: string;
let mailedReplyId: string;
let webReplyId: string;

/** An inbound mail as the intake leaves it once processed. */
const inboundMail = (ticket: string, threadRule: string | null) => {
  const raw = Buffer.from(`Message-ID: <${randomUUID()}@mail.example>\r\nSubject: x\r\n\r\nx\r\n`);
  return db.inboundMail.create({
    data: {
      source: "webhook",
      sourceKey: `webhook:${randomUUID()}`,
      raw,
      size: raw.length,
      messageKey: randomUUID(),
      status: "processed",
      threadRule,
      ticketId: ticket,
      fromAddress: "partner@demo.test",
    },
  });
};

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  orgAdmin = await world.login("orgadmin@demo.test");
  agent = await world.login("agent@demo.test");
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const opened = await createTicket(
    db,
    partner,
    {
      channel: "email",
      type: "incident",
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: acme.id,
      serviceIds: [],
      watcherIds: [orgAdmin.id],
      subject: "No entra el correo",
      body: "Desde ayer no recibo correo.",
      requestedPriority: null,
      attachmentIds: [],
      sensitive: null,
    },
    new Date("2031-03-03T09:00:00Z"),
  );
  ticketId = opened.id;
  // The mail that opened the ticket (no rule threaded it) and a mailed answer found by its reply address.
  const first = await db.message.findFirstOrThrow({ where: { ticketId, kind: "public" } });
  firstMessageId = first.id;
  await db.message.update({ where: { id: first.id }, data: { inboundMailId: (await inboundMail(ticketId, null)).id } });
  const reply = await db.message.create({
    data: {
      ticketId,
      authorId: partner.id,
      kind: "public",
      body: "Con Firefox.",
      quotedText: QUOTE,
      inboundMailId: (await inboundMail(ticketId, "reply_token")).id,
      createdAt: new Date("2031-03-03T10:30:00Z"),
    },
  });
  mailedReplyId = reply.id;
  webReplyId = (
    await db.message.create({
      data: { ticketId, authorId: agent.id, kind: "public", body: "Gracias, lo miramos.", createdAt: new Date("2031-03-03T10:40:00Z") },
    })
  ).id;
  // Mesa's mails to the requester and to the interested user bounced.
  await db.user.update({
    where: { id: partner.id },
    data: { mailBouncedAt: BOUNCED_AT, mailBounceDetail: "550 5.1.1 <partner@demo.test>: Recipient address rejected: User unknown" },
  });
  await db.user.update({ where: { id: orgAdmin.id }, data: { mailBouncedAt: BOUNCED_AT, mailBounceDetail: null } });
});
afterAll(() => world?.close());

describe("a mailed message in the ticket page", () => {
  it("the customer sees the quoted text, and nothing of how the mail was threaded or of bounces", async () => {
    for (const seen of [
      await getTicket(db, partner, ticketId, "es"),
      await callerFor(db, partner).tickets.get({ ticket: ticketId }), // through the output parser too
    ]) {
      const reply = seen.messages.find((m) => m.id === mailedReplyId);
      expect(reply).toMatchObject({ body: "Con Firefox.", quotedText: QUOTE });
      expect(seen.messages.find((m) => m.id === webReplyId)?.quotedText).toBeNull();
      expect(seen.messages.filter((m) => "mail" in m)).toEqual([]);
      expect("mailBounce" in seen.requester).toBe(false);
      expect(seen.watchers.map((w) => "mailBounce" in w)).toEqual([false]);
      const text = JSON.stringify(seen);
      for (const leak of ["threadRule", "reply_token", "mailBounce", "User unknown", "mailBounceDetail", "mailBouncedAt"])
        expect(text.includes(leak), `the customer's answer holds ${leak}`).toBe(false);
    }
  });

  it("staff see the rule that threaded each mail, the quoted text, and who does not receive Mesa's mail", async () => {
    for (const seen of [await getTicket(db, agent, ticketId, "es"), await callerFor(db, agent).tickets.get({ ticket: ticketId })]) {
      const byId = new Map(seen.messages.map((m) => [m.id, m]));
      expect(byId.get(mailedReplyId)).toMatchObject({ quotedText: QUOTE, mail: { threadRule: "reply_token" } });
      expect(byId.get(firstMessageId)?.mail).toEqual({ threadRule: null }); // "ticket nuevo"
      expect(byId.get(webReplyId)?.mail).toBeNull(); // not by mail
      // The diagnostic stays; the address in it does not (no one's email travels with a ticket).
      expect(seen.requester.mailBounce).toEqual({ at: BOUNCED_AT, detail: "550 5.1.1 <…>: Recipient address rejected: User unknown" });
      expect(seen.watchers).toEqual([{ id: orgAdmin.id, name: orgAdmin.name, mailBounce: { at: BOUNCED_AT, detail: null } }]);
      expect(JSON.stringify(seen).includes("partner@demo.test")).toBe(false);
    }
  });

  it("a person whose mail is delivered has no bounce for staff", async () => {
    await db.user.update({ where: { id: partner.id }, data: { mailBouncedAt: null, mailBounceDetail: null } });
    const seen = await getTicket(db, agent, ticketId, "es");
    expect(seen.requester).toEqual({ id: partner.id, name: partner.name, mailBounce: null });
  });
});
