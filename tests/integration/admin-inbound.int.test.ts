// Administración › Correo entrante through the procedures and the download route, as an admin's
// browser calls them: the mails waiting for a person (held, failed) are listed with their reason,
// error and attempts — never with their raw bytes, which can be 25 MB —, page by page; "Reprocesar"
// hands a failed one back to the processor as new, "Descartar" puts one aside, and "Descargar .eml"
// gives an admin the exact bytes that came in, and nobody else anything.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as emlRoute } from "../../app/api/admin/inbound/[id]/eml/route";
import type { Db } from "../../server/db";
import type { InboundStatus } from "../../server/db/generated/enums";
import { storeInbound } from "../../server/inbound/store";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, type SignedIn } from "../support/factories";
import { sessionCookie, useDatabase } from "../support/http";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let agent: SignedIn;
let partner: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  useDatabase(world.database);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

const api = () => callerFor(db, admin, "es").admin.inbound;

let seq = 0;
/** A mail stored as a source stores it, then left in `status` as the processor would leave it. */
async function mail(status: InboundStatus, fields: { outcome?: string; detail?: string; attempts?: number; receivedAt?: Date } = {}) {
  const n = ++seq;
  const raw = Buffer.from(
    `From: Cliente ${n} <cliente${n}@example.test>\r\nTo: soporte@demo.test\r\nSubject: Consulta ${n}\r\nMessage-ID: <m${n}-${Date.now()}@example.test>\r\n\r\nHola ${n}\r\n`,
  );
  const { id } = await storeInbound(db, { source: "webhook", sourceKey: `webhook:test-${n}-${Date.now()}`, raw });
  await db.inboundMail.update({
    where: { id },
    data: {
      status,
      fromAddress: `cliente${n}@example.test`,
      subject: `Consulta ${n}`,
      outcome: fields.outcome ?? null,
      detail: fields.detail ?? null,
      attempts: fields.attempts ?? 0,
      receivedAt: fields.receivedAt ?? new Date(Date.now() - 1000 * (1000 - n)),
      claimedUntil: status === "failed" ? new Date(Date.now() + 60_000) : null,
    },
  });
  return { id, raw };
}

describe("incoming mail", () => {
  it.each([
    ["an agent", () => agent],
    ["a partner", () => partner],
  ] as const)("%s may neither list nor act on it", async (_label, who) => {
    const failed = await mail("failed", { outcome: "processing_error", detail: "boom", attempts: 5 });
    const theirs = callerFor(db, who(), "es").admin.inbound;
    for (const call of [theirs.list({}), theirs.counts(), theirs.reprocess({ id: failed.id }), theirs.discard({ id: failed.id })]) {
      expect(((await failure(call)) as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await db.inboundMail.findUniqueOrThrow({ where: { id: failed.id }, select: { status: true } })).toEqual({ status: "failed" });
  });

  it("lists held and failed mails with their reason and error, without the raw message", async () => {
    const held = await mail("held", { outcome: "sender_not_allowed", detail: "intruso@example.test" });
    const failed = await mail("failed", { outcome: "processing_error", detail: "TypeError: x is undefined", attempts: 5 });
    const done = await mail("processed", { outcome: "ticket_created" });

    const page = await api().list({});
    const ids = page.items.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([held.id, failed.id]));
    expect(ids).not.toContain(done.id);
    expect(page.items.find((m) => m.id === held.id)).toMatchObject({
      status: "held",
      outcome: "sender_not_allowed",
      detail: "intruso@example.test",
      fromAddress: expect.stringMatching(/@example\.test$/),
      source: "webhook",
      mailbox: null,
      ticket: null,
      canReprocess: true,
      canDiscard: true,
    });
    expect(page.items.find((m) => m.id === failed.id)).toMatchObject({
      status: "failed",
      attempts: 5,
      detail: "TypeError: x is undefined",
    });
    for (const item of page.items) expect(Object.keys(item)).not.toContain("raw");
    expect(JSON.stringify(page)).not.toContain("Hola");

    expect((await api().list({ tab: "held" })).items.every((m) => m.status === "held")).toBe(true);
    expect((await api().list({ tab: "failed" })).items.map((m) => m.id)).toContain(failed.id);
    expect((await api().list({ tab: "recent" })).items.map((m) => m.id)).toContain(done.id);
    const counts = await api().counts();
    expect(counts.held).toBeGreaterThanOrEqual(1);
    expect(counts.failed).toBeGreaterThanOrEqual(1);
  });

  it("pages through the list with the cursor, newest first, each mail once", async () => {
    const base = Date.now() - 10 * 86_400_000;
    const mails: { id: string }[] = [];
    for (let i = 0; i < 5; i++) mails.push(await mail("held", { outcome: "no_intake_address", receivedAt: new Date(base + i * 1000) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof api>["list"]>> = await api().list({ tab: "held", limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = seen.filter((id) => mails.some((m) => m.id === id));
    expect(ours).toEqual(mails.map((m) => m.id).reverse());
  });

  it("“Reprocesar” hands a failed mail back to the processor as new", async () => {
    const failed = await mail("failed", { outcome: "processing_error", detail: "timeout", attempts: 5 });
    const before = new Date();
    expect(await api().reprocess({ id: failed.id })).toEqual({ ok: true });
    const row = await db.inboundMail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 0, claimedUntil: null, outcome: null, detail: null });
    expect(+row.nextAttemptAt).toBeGreaterThanOrEqual(+before - 1000);
    expect(+row.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    expect((await api().list({})).items.map((m) => m.id)).not.toContain(failed.id);
    // Pending is the processor's now: nothing more to reprocess or discard.
    expect(((await failure(api().reprocess({ id: failed.id }))) as TRPCError).code).toBe("NOT_FOUND");
    expect(((await failure(api().discard({ id: failed.id }))) as TRPCError).code).toBe("NOT_FOUND");
  });

  it("“Descartar” puts a held mail aside, where it can still be reprocessed", async () => {
    const held = await mail("held", { outcome: "no_intake_address" });
    expect(await api().discard({ id: held.id })).toEqual({ ok: true });
    expect(await db.inboundMail.findUniqueOrThrow({ where: { id: held.id }, select: { status: true } })).toEqual({ status: "discarded" });
    expect((await api().list({})).items.map((m) => m.id)).not.toContain(held.id);
    const discarded = (await api().list({ tab: "discarded" })).items.find((m) => m.id === held.id);
    expect(discarded).toMatchObject({ canReprocess: true, canDiscard: false });
    await api().reprocess({ id: held.id });
    expect(await db.inboundMail.findUniqueOrThrow({ where: { id: held.id }, select: { status: true } })).toEqual({ status: "pending" });
  });

  it("shows the ticket a mail went to", async () => {
    const created = await mail("processed", { outcome: "ticket_created" });
    const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
    const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
    const opened = await callerFor(db, partner, "es").tickets.create({
      type: "incident",
      departmentId: dept.id,
      categoryId: dept.categories[0]!.id,
      organizationId: acme.id,
      serviceIds: [],
      watcherIds: [],
      subject: "La web no carga",
      description: "Desde esta mañana",
    });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: opened.id }, select: { id: true, number: true } });
    await db.inboundMail.update({ where: { id: created.id }, data: { ticketId: ticket.id } });
    const row = (await api().list({ tab: "recent", limit: 100 })).items.find((m) => m.id === created.id);
    expect(row?.ticket).toEqual({ id: ticket.id, reference: `TK-${String(ticket.number).padStart(6, "0")}` });
    expect(row).toMatchObject({ canReprocess: false, canDiscard: false });
  });
});

describe("the .eml download", () => {
  const download = async (id: string, who?: SignedIn) =>
    emlRoute(
      new Request(`http://mesa.test/api/admin/inbound/${id}/eml`, {
        headers: who ? { cookie: await sessionCookie(who.id, who.sessionId) } : {},
      }),
      { params: Promise.resolve({ id }) },
    );

  it("gives an admin the exact bytes that came in, as a message/rfc822 attachment", async () => {
    // Bytes no text decoding would keep: latin-1 and a stray 0xff.
    const raw = Buffer.concat([
      Buffer.from("From: a@example.test\r\nSubject: =?iso-8859-1?q?Caf=E9?=\r\n\r\n"),
      Buffer.from([0xe9, 0xff, 0x00, 0x0d, 0x0a]),
    ]);
    const { id } = await storeInbound(db, { source: "webhook", sourceKey: `webhook:eml-${Date.now()}`, raw });
    const response = await download(id, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mail-.*\.eml"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(raw)).toBe(true);
  });

  it("answers 403 to anyone else signed in, 404 signed out or for a mail that is not there", async () => {
    const { id } = await mail("held", { outcome: "no_sender" });
    expect((await download(id, agent)).status).toBe(403);
    expect((await download(id, partner)).status).toBe(403);
    const signedOut = await download(id);
    expect(signedOut.status).toBe(404);
    expect(await signedOut.text()).not.toContain("Hola");
    expect((await download("00000000-0000-4000-8000-000000000000", admin)).status).toBe(404);
    expect((await download("not-a-uuid", admin)).status).toBe(404);
  });
});
