// Merging a duplicate into another ticket and linking related tickets (issue #16, item 4): the
// duplicate closes and points to the target, both customers are told in their language, the
// duplicate's messages and files show in the target for whoever may see it, mail answering the
// duplicate lands in the target; merges across organizations, into itself or into a merged or closed
// ticket, and by customers, are refused. Links are staff-only and read from both sides.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { openAttachment } from "../../server/files/open-attachment";
import { receiveUpload } from "../../server/files/receive-upload";
import { processPendingMail } from "../../server/inbound/process";
import { storeInbound } from "../../server/inbound/store";
import { dispatchPending } from "../../server/after-commit/dispatcher";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, openAcmeTicket, signedIn, uniqueEmail, type SignedIn } from "../support/factories";
import { pngBytes, streamOf } from "../support/files";
import { buildMail } from "../support/mail-builder";
import { useDatabase } from "../support/http";
import { rest, tokenOf } from "../support/rest";
import { formatError } from "../../server/trpc/error-format";
import type { AppLocale } from "../../server/i18n/locales";

let world: DemoWorld;
let db: Db;
let paula: SignedIn; // Acme member, Spanish: opens the duplicate
let olivia: SignedIn; // Acme member, English: opens the target (members do not see each other's tickets)
let agent: SignedIn;
let globex: SignedIn;
let acmeId: string;

beforeAll(async () => {
  world = await openDemoWorld();
  db = world.db;
  useDatabase(world.database);
  paula = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  globex = await world.login("partner2@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const user = await upsertUser(db, {
    email: uniqueEmail("olivia"),
    name: "Olivia Owens",
    locale: "en",
    organizationId: acmeId,
  });
  olivia = await signedIn(db, user.id);
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

/** The refusal as the caller reads it: its code and its message in the caller's language. */
const reason = async (promise: Promise<unknown>, locale: AppLocale = "es") => {
  const error = (await failure(promise)) as TRPCError;
  return { code: error.code, message: formatError(error, locale).message };
};
const mailsTo = (email: string, ticketId: string) =>
  db.outboxMail.findMany({ where: { toAddress: email, ticketId }, orderBy: { id: "asc" }, select: { subject: true, text: true } });
const emailOf = async (who: SignedIn) => (await db.user.findUniqueOrThrow({ where: { id: who.id } })).email;

/** Paula's duplicate with a screenshot, and Olivia's ticket about the same outage. */
async function pair(label: string) {
  const png = await receiveUpload(
    db,
    paula,
    { name: `${label}.png`, size: pngBytes().length, target: { organizationId: acmeId }, body: streamOf(pngBytes()) },
    new Date(),
  );
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const target = await openAcmeTicket(db, olivia, `Web down (${label})`, "Our website answers 502 since this morning.");
  const duplicate = await callerFor(db, paula, "es").tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject: `La web no carga (${label})`,
    description: `Error 502 en la portada (${label}).`,
    attachmentIds: [png.id],
  });
  const t = await db.ticket.findUniqueOrThrow({ where: { id: target.id } });
  const d = await db.ticket.findUniqueOrThrow({ where: { id: duplicate.id } });
  return { target: t, duplicate: d, fileId: png.id, targetRef: target.reference, duplicateRef: duplicate.reference };
}

describe("merging a duplicate", () => {
  it("closes the duplicate pointing to the target, records both sides and tells each customer once, in their language", async () => {
    const { target, duplicate, targetRef, duplicateRef } = await pair("a");
    const before = { paula: (await mailsTo(await emailOf(paula), duplicate.id)).length };
    const merged = await callerFor(db, agent).tickets.merge({ ticket: duplicateRef, into: targetRef });
    expect(merged).toEqual({ ticketId: duplicate.id, into: { id: target.id, reference: targetRef } });

    const row = await db.ticket.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(row).toMatchObject({ status: "closed", mergedIntoId: target.id, slaClock: null, slaDueAt: null });
    const events = async (ticketId: string) =>
      (await db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((e) => [e.kind, e.before, e.after, e.staffOnly]);
    expect(await events(duplicate.id)).toEqual(
      expect.arrayContaining([
        ["merged_into", null, targetRef, false],
        ["status_changed", "new", "closed", false],
      ]),
    );
    expect(await events(target.id)).toEqual(expect.arrayContaining([["merged_from", duplicateRef, null, false]]));

    // Paula (Spanish) is told on her ticket where it goes on; no "closed" mail invites her to rate it.
    const paulaMails = (await mailsTo(await emailOf(paula), duplicate.id)).slice(before.paula);
    expect(paulaMails.map((m) => m.subject)).toEqual([`[${duplicateRef}] Ticket fusionado con ${targetRef}: La web no carga (a)`]);
    expect(paulaMails[0]!.text).toContain(`La conversación continúa en ${targetRef}`);
    expect(paulaMails[0]!.text).toContain(`/es/tickets/${targetRef}`);
    // Olivia (English) is told on hers; Paula, now following the target, is not told twice.
    const oliviaMails = await mailsTo(await emailOf(olivia), target.id);
    expect(oliviaMails.map((m) => m.subject)).toContain(`[${targetRef}] ${duplicateRef} was merged into this ticket: Web down (a)`);
    expect(oliviaMails.at(-1)!.text).toContain("Álex Agente merged ticket");
    expect(await mailsTo(await emailOf(paula), target.id)).toEqual([]);
  });

  it("shows the duplicate's messages and files in the target's thread, to the target's viewers", async () => {
    const { target, duplicate, fileId, targetRef, duplicateRef } = await pair("b");
    // Olivia cannot see Paula's ticket…
    expect((await reason(callerFor(db, olivia).tickets.get({ ticket: duplicate.id }))).code).toBe("NOT_FOUND");
    await expect(openAttachment(db, olivia, fileId)).rejects.toMatchObject({ code: "not_found" });
    await callerFor(db, agent).tickets.reply({ ticket: duplicate.id, body: "Nota interna del duplicado", internal: true });
    await callerFor(db, agent).tickets.merge({ ticket: duplicateRef, into: targetRef });

    // …but once merged, its public messages are in her ticket's thread, marked, in time order, with the file.
    const seen = await callerFor(db, olivia).tickets.get({ ticket: target.id });
    const texts = seen.messages.filter((m) => m.kind !== "system").map((m) => [m.body, m.mergedFrom]);
    expect(texts).toEqual([
      ["Our website answers 502 since this morning.", null],
      ["Error 502 en la portada (b).", duplicateRef],
    ]);
    const fromDuplicate = seen.messages.find((m) => m.mergedFrom)!;
    expect(fromDuplicate.attachments.map((a) => a.name)).toEqual(["b.png"]);
    const file = await openAttachment(db, olivia, fileId);
    expect(Buffer.from(await new Response(file.body).arrayBuffer())).toEqual(pngBytes());
    // The duplicate's internal note is for staff; its own system notes stay in its history.
    expect(JSON.stringify(seen)).not.toContain("Nota interna del duplicado");
    const staffView = await callerFor(db, agent).tickets.get({ ticket: target.id });
    expect(staffView.messages.filter((m) => m.mergedFrom).map((m) => [m.kind, m.body])).toEqual([
      ["public", "Error 502 en la portada (b)."],
      ["internal", "Nota interna del duplicado"],
    ]);
    expect(staffView.messages.filter((m) => m.kind === "system" && m.mergedFrom)).toEqual([]);
    // A member of another organization still sees neither.
    expect((await reason(callerFor(db, globex).tickets.get({ ticket: target.id }))).code).toBe("NOT_FOUND");
    await expect(openAttachment(db, globex, fileId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the duplicate points to the target; it takes no reply, reopening or rating; its requester follows the target", async () => {
    const { target, duplicate, targetRef, duplicateRef } = await pair("c");
    await callerFor(db, agent).tickets.merge({ ticket: duplicateRef, into: targetRef });
    const detail = await callerFor(db, paula, "es").tickets.get({ ticket: duplicate.id });
    expect(detail.mergedInto).toEqual({ reference: targetRef });
    expect(detail.offers).toEqual({ close: false, reopen: false, escalate: false, requestCall: false, rate: false });
    expect((await callerFor(db, agent).tickets.get({ ticket: duplicate.id })).mergedInto).toEqual({ reference: targetRef });
    expect((await callerFor(db, paula).tickets.get({ ticket: target.id })).mergedInto).toBeNull();

    const refusedReply = await reason(callerFor(db, paula, "es").tickets.reply({ ticket: duplicate.id, body: "¿Hay novedades?" }));
    expect(refusedReply).toEqual({ code: "CONFLICT", message: `Este ticket se fusionó con ${targetRef}: la conversación continúa allí.` });
    expect((await reason(callerFor(db, paula, "en").tickets.reopen({ ticket: duplicate.id }), "en")).message).toBe(
      `This ticket was merged into ${targetRef}: the conversation continues there.`,
    );
    expect((await reason(callerFor(db, agent).tickets.setStatus({ ticket: duplicate.id, status: "reopened" }))).code).toBe("CONFLICT");
    expect((await reason(callerFor(db, paula).tickets.rate({ ticket: duplicate.id, stars: 5 }))).code).toBe("CONFLICT");

    // Paula now follows the target: she reads and answers there.
    const there = await callerFor(db, paula).tickets.get({ ticket: target.id });
    expect(there.watchers.map((w) => w.name)).toContain("Paula Partner");
    await callerFor(db, paula).tickets.reply({ ticket: targetRef, body: "Sigue sin cargar." });
  });

  it("mail answering the duplicate's thread lands in the target", async () => {
    const { target, duplicate, targetRef, duplicateRef } = await pair("d");
    await callerFor(db, agent).tickets.merge({ ticket: duplicateRef, into: targetRef });
    const raw = await buildMail({
      from: "partner@demo.test",
      to: `reply+${duplicate.replyToken}@mesa.localhost`,
      subject: `Re: [${duplicateRef}] La web no carga (d)`,
      text: "Respondo al correo antiguo.",
    });
    const { id } = await storeInbound(db, { source: "imap", sourceKey: `imap:merge-test:${duplicate.id}`, raw });
    await processPendingMail(db);
    await dispatchPending(db);
    const mail = await db.inboundMail.findUniqueOrThrow({ where: { id } });
    expect(mail).toMatchObject({ status: "processed", ticketId: target.id, threadRule: "reply_token" });
    const thread = await callerFor(db, olivia).tickets.get({ ticket: target.id });
    expect(thread.messages.find((m) => m.body === "Respondo al correo antiguo.")?.mergedFrom).toBeNull();
  });

  it("what was merged into the duplicate moves on with it", async () => {
    const first = await pair("e1");
    const second = await openAcmeTicket(db, paula, "Tercera copia", "Lo mismo otra vez.");
    await callerFor(db, agent).tickets.merge({ ticket: second.id, into: first.duplicateRef });
    await callerFor(db, agent).tickets.merge({ ticket: first.duplicateRef, into: first.targetRef });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: second.id } })).mergedIntoId).toBe(first.target.id);
    const thread = await callerFor(db, agent).tickets.get({ ticket: first.target.id });
    expect(thread.messages.map((m) => m.body)).toContain("Lo mismo otra vez.");
  });

  it("refuses a merge into itself, from or into a merged ticket, into a closed one, across organizations, and by customers", async () => {
    const { target, targetRef, duplicateRef } = await pair("f");
    const staff = callerFor(db, agent, "es").tickets;
    expect(await reason(staff.merge({ ticket: duplicateRef, into: duplicateRef }))).toEqual({
      code: "CONFLICT",
      message: "Un ticket no se puede fusionar consigo mismo.",
    });
    expect(await reason(callerFor(db, paula).tickets.merge({ ticket: duplicateRef, into: targetRef }))).toMatchObject({
      code: "FORBIDDEN",
    });

    const globexTicket = await callerFor(db, globex).tickets.create({
      type: "incident",
      departmentId: target.departmentId,
      categoryId: target.categoryId,
      organizationId: (await db.organization.findUniqueOrThrow({ where: { name: "Globex" } })).id,
      serviceIds: [],
      watcherIds: [],
      subject: "Globex también",
      description: "Otra organización.",
    });
    expect(await reason(staff.merge({ ticket: globexTicket.id, into: targetRef }))).toEqual({
      code: "CONFLICT",
      message: "Solo se pueden fusionar tickets de la misma organización (o, si no tienen organización, del mismo cliente).",
    });
    expect(await reason(callerFor(db, agent, "fr").tickets.merge({ ticket: duplicateRef, into: globexTicket.id }), "fr")).toMatchObject({
      message: "Seuls les tickets d’une même organisation (ou, sans organisation, d’un même client) peuvent être fusionnés.",
    });

    const closed = await openAcmeTicket(db, olivia, "Closed one", "Done.");
    await staff.close({ ticket: closed.id });
    expect((await reason(staff.merge({ ticket: duplicateRef, into: closed.id }))).message).toBe(
      "El ticket principal está cerrado: reábrelo antes de fusionar otro con él.",
    );

    await staff.merge({ ticket: duplicateRef, into: targetRef });
    const other = await openAcmeTicket(db, paula, "Otro", "Otro más.");
    expect((await reason(staff.merge({ ticket: duplicateRef, into: other.id }))).message).toBe(
      `Este ticket se fusionó con ${targetRef}: la conversación continúa allí.`,
    );
    expect(await reason(staff.merge({ ticket: other.id, into: duplicateRef }))).toEqual({
      code: "CONFLICT",
      message: `${duplicateRef} ya se fusionó con otro ticket: elige el ticket principal.`,
    });
    // Nothing of the refused attempts was written.
    expect(await db.ticket.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "new", mergedIntoId: null });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: globexTicket.id } })).toMatchObject({ mergedIntoId: null });
  });

  it("the REST API merges with POST /tickets/api/tickets/<n>/merge/ and answers the duplicate pointing to the target", async () => {
    const { duplicate, targetRef, duplicateRef } = await pair("g");
    const partnerToken = await tokenOf(db, paula);
    expect(
      (await rest("POST", `/tickets/api/tickets/${duplicateRef}/merge/`, { token: partnerToken, json: { into: targetRef } })).status,
    ).toBe(403);
    const answer = await rest("POST", `/tickets/api/tickets/${duplicateRef}/merge/`, {
      token: await tokenOf(db, agent),
      json: { into: targetRef },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: duplicate.id, status: "closed", merged_into: targetRef });
    const again = await rest("POST", `/tickets/api/tickets/${duplicateRef}/merge/`, {
      token: await tokenOf(db, agent),
      json: { into: targetRef },
    });
    expect(again.status).toBe(409);
  });
});

describe("related tickets", () => {
  it("staff link and unlink two tickets; both sides list each other; customers see none of it", async () => {
    const a = await openAcmeTicket(db, paula, "Correo lento", "Los correos tardan.");
    const b = await openAcmeTicket(db, olivia, "Mail delayed", "Mail takes an hour.");
    const staff = callerFor(db, agent).tickets;
    await staff.links.add({ ticket: a.id, other: b.id });
    await staff.links.add({ ticket: b.id, other: a.id }); // the same pair: one link
    const [refA, refB] = [a.reference, b.reference];
    expect(await staff.links.list({ ticket: a.id })).toEqual([{ id: b.id, reference: refB, subject: "Mail delayed", status: "new" }]);
    expect(await staff.links.list({ ticket: b.id })).toEqual([{ id: a.id, reference: refA, subject: "Correo lento", status: "new" }]);
    expect(await db.ticketLink.count({ where: { OR: [{ fromId: a.id }, { toId: a.id }] } })).toBe(1);
    const notes = (await staff.get({ ticket: a.id })).messages.filter((m) => m.event?.kind === "linked").map((m) => m.event?.after);
    expect(notes).toEqual([refB]);
    expect(JSON.stringify(await callerFor(db, paula).tickets.get({ ticket: a.id }))).not.toContain('"linked"');
    expect((await reason(callerFor(db, paula).tickets.links.list({ ticket: a.id }))).code).toBe("FORBIDDEN");
    expect((await reason(callerFor(db, paula).tickets.links.add({ ticket: a.id, other: b.id }))).code).toBe("FORBIDDEN");
    expect((await reason(staff.links.add({ ticket: a.id, other: a.id }))).code).toBe("CONFLICT");

    await staff.links.remove({ ticket: b.id, other: a.id });
    expect(await staff.links.list({ ticket: a.id })).toEqual([]);
    expect(await staff.links.list({ ticket: b.id })).toEqual([]);
    const unlinked = (await staff.get({ ticket: b.id })).messages.filter((m) => m.event?.kind === "unlinked").map((m) => m.event?.before);
    expect(unlinked).toEqual([refA]);
  });
});
