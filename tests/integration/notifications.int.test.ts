// Notification emails through a real SMTP server on loopback: each recipient in their own language,
// muted people and internal notes send nothing, every mail of a ticket threads under the same root
// with a reply address carrying the ticket's token, each (event, recipient) is sent once however
// many workers run, and one refused address does not hold back the others.
import type { SignedIn } from "../support/factories";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { deliverOutbox, runOutbox } from "../../server/notifications/outbox";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, signedIn } from "../support/factories";
import { message } from "../support/messages";

const BOUNCES = "rebota@example.test";
let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let french: SignedIn;
let bouncing: SignedIn;
let acme: { id: string };
let support: { id: number; categoryId: number };

beforeAll(async () => {
  world = await openDemoWorld({ mail: { reject: (address) => address === BOUNCES } });
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const fr = await upsertUser(db, { email: "fleur@example.test", name: "Fleur Martin", locale: "fr", organizationId: acme.id });
  french = await signedIn(db, fr.id);
  const bounce = await upsertUser(db, { email: BOUNCES, name: "Buzón Inexistente", locale: "es", organizationId: acme.id });
  bouncing = await signedIn(db, bounce.id);
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
});
afterAll(() => world?.close());

const newTicket = async (watcherIds: string[]) => {
  const created = await callerFor(db, partner, "es").tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categoryId,
    organizationId: acme.id,
    serviceIds: [],
    watcherIds,
    subject: "Correo caído",
    description: "No recibimos correo desde ayer.",
  });
  return { id: created.id, reference: created.reference };
};
const mailsOf = (reference: string, to?: string) =>
  (to ? world.mailbox!.to(to) : world.mailbox!.received).filter((m) => m.subject?.includes(`[${reference}]`));
const header = (mail: ParsedMail, name: string) => String(mail.headers.get(name) ?? "");
const subject = (locale: "es" | "fr", key: string, reference: string) =>
  message(locale, `Email.ticket.${key}.subject`).replace("{reference}", reference).replace("{subject}", "Correo caído");

describe("ticket notification emails", () => {
  it("reach the requester in Spanish and the interested user in French, threaded, with the ticket's reply address", async () => {
    const { id, reference } = await newTicket([french.id]);
    await callerFor(db, agent, "es").tickets.reply({ ticket: id, body: "Revisamos el MX ahora mismo." });
    await deliverOutbox(db);

    const toPartner = mailsOf(reference, "partner@demo.test");
    const toFrench = mailsOf(reference, "fleur@example.test");
    expect(toPartner.map((m) => m.subject).sort()).toEqual(
      [subject("es", "created", reference), subject("es", "agent_reply", reference)].sort(),
    );
    expect(toFrench.map((m) => m.subject).sort()).toEqual(
      [subject("fr", "created", reference), subject("fr", "agent_reply", reference)].sort(),
    );
    const reply = toFrench.find((m) => m.subject === subject("fr", "agent_reply", reference))!;
    expect(reply.text).toContain("Revisamos el MX ahora mismo.");
    expect(reply.text).toContain(`/fr/tickets/${reference}`);
    expect(reply.html).toContain(`lang="fr"`);
    expect(toPartner.find((m) => m.subject === subject("es", "agent_reply", reference))!.text).toContain(`/es/tickets/${reference}`);

    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id } });
    const all = [...toPartner, ...toFrench];
    const root = header(all[0]!, "in-reply-to");
    expect(root).toMatch(new RegExp(`^<ticket-${id}@`));
    for (const mail of all) {
      expect(header(mail, "in-reply-to")).toBe(root);
      expect(String(mail.references)).toBe(root);
      expect(mail.replyTo?.value[0]?.address).toMatch(new RegExp(`^reply\\+${replyToken}@`));
    }
    expect(new Set(all.map((m) => m.messageId)).size).toBe(all.length);
  });

  it("send nothing to someone who muted the ticket, and nothing for an internal note", async () => {
    const { id, reference } = await newTicket([french.id]);
    await deliverOutbox(db);
    await callerFor(db, french, "fr").tickets.setMuted({ ticket: id, muted: true });
    await callerFor(db, agent, "es").tickets.reply({ ticket: id, body: "Nota solo para el equipo", internal: true });
    await callerFor(db, agent, "es").tickets.reply({ ticket: id, body: "Ya funciona." });
    await deliverOutbox(db);
    expect(mailsOf(reference, "fleur@example.test").map((m) => m.subject)).toEqual([subject("fr", "created", reference)]);
    expect(
      mailsOf(reference, "partner@demo.test")
        .map((m) => m.subject)
        .sort(),
    ).toEqual([subject("es", "created", reference), subject("es", "agent_reply", reference)].sort());
    expect(mailsOf(reference).some((m) => m.text?.includes("Nota solo para el equipo"))).toBe(false);
  });

  it("send each mail once with several workers at once, and keep going past a refused address", async () => {
    const { id, reference } = await newTicket([bouncing.id]);
    await callerFor(db, agent, "es").tickets.reply({ ticket: id, body: "Primera respuesta" });
    // Four workers (as from four nodes or overlapping ticks) over the same outbox.
    const runs = await Promise.all([1, 2, 3, 4].map(() => runOutbox(db)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(2); // created + reply, to the requester
    expect(mailsOf(reference, "partner@demo.test")).toHaveLength(2);
    expect(mailsOf(reference, BOUNCES)).toHaveLength(0);
    const refused = await db.outboxMail.findMany({ where: { ticketId: id, toAddress: BOUNCES } });
    expect(refused).toHaveLength(2);
    for (const mail of refused) {
      expect(mail).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
      expect(mail.lastError).toMatch(/550/);
      expect(+mail.nextAttemptAt).toBeGreaterThan(Date.now());
    }
    // A later run does not send the delivered ones again.
    await deliverOutbox(db);
    expect(mailsOf(reference, "partner@demo.test")).toHaveLength(2);
  });
});
