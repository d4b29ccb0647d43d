// The one visibility rule, seen through every ticket procedure: a Globex user reaches nothing of
// Acme's — not by id, number, list, search, any action or an export — while the people the rule
// names (requester, interested users, org admins, members where allowed, the department's agents,
// admins) do.
import type { SignedIn } from "../support/factories";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";
import { callerFor, failure, openAcmeTicket, signedIn, uniqueEmail } from "../support/factories";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { todayIn } from "../support/calendar-day";

let db: Db;
const who: Record<string, SignedIn> = {};
let acmeTicket: { id: string; number: number; reference: string; messageId: string };

let world: DemoWorld;
const login = (email: string) => world.login(email);

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  for (const [key, email] of Object.entries({
    partner: "partner@demo.test",
    orgAdmin: "orgadmin@demo.test",
    globex: "partner2@demo.test",
    agent: "agent@demo.test",
    admin: "admin@demo.test",
  })) {
    who[key] = await login(email);
  }
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const colleague = await upsertUser(db, { email: uniqueEmail("colleague"), name: "Colleague", organizationId: acme.id });
  who.colleague = await signedIn(db, colleague.id);
  const sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" } });
  const salesAgent = await upsertUser(db, { email: uniqueEmail("sales"), name: "Sales agent", role: "agent", departmentIds: [sales.id] });
  who.salesAgent = await signedIn(db, salesAgent.id);

  const created = await openAcmeTicket(db, who.partner!, "Servidor caído en Acme", "El servidor zanahoria no responde desde las ocho.");
  const ticket = await callerFor(db, who.partner!).tickets.get({ ticket: created.id });
  acmeTicket = { id: created.id, number: created.number, reference: created.reference, messageId: ticket.messages[0]!.id };
});
afterAll(() => world?.close());

const as = (key: string) => callerFor(db, who[key]!);

async function refusedAsMissing(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("NOT_FOUND");
}

const listAll = (key: string, q = "") =>
  as(key).tickets.list({ tab: "all", q, status: [], priority: [], departmentId: [], sort: "updated", dir: "desc", limit: 100 });
const ids = async (key: string, q = "") => (await listAll(key, q)).items.map((t) => t.id);

describe("a Globex user reaches nothing of Acme", () => {
  it("by id or by number", async () => {
    await refusedAsMissing(as("globex").tickets.get({ ticket: acmeTicket.id }));
    await refusedAsMissing(as("globex").tickets.get({ ticket: acmeTicket.reference }));
    await refusedAsMissing(as("globex").tickets.get({ ticket: String(acmeTicket.number) }));
  });

  it("by list or search (number, subject word, message word)", async () => {
    for (const q of ["", acmeTicket.reference, "caído", "zanahoria"]) expect(await ids("globex", q)).not.toContain(acmeTicket.id);
  });

  it("through any action on the ticket, its messages or its watchers", async () => {
    const t = acmeTicket.id;
    const start = new Date(Date.now() + 86_400_000);
    // Thunks, run one at a time: started together, a refusal would go unhandled while an earlier
    // one is awaited.
    const actions: (() => Promise<unknown>)[] = [
      () => as("globex").tickets.reply({ ticket: t, body: "hola" }),
      () => as("globex").tickets.editMessage({ messageId: acmeTicket.messageId, body: "hola" }),
      () => as("globex").tickets.addWatcher({ ticket: t, userId: who.globex!.id }),
      () => as("globex").tickets.removeWatcher({ ticket: t, userId: who.orgAdmin!.id }),
      () => as("globex").tickets.setMuted({ ticket: t, muted: true }),
      () => as("globex").tickets.escalate({ ticket: t, reason: "x" }),
      () =>
        as("globex").tickets.requestCall({
          ticket: t,
          phone: "+34600000000",
          windowStart: start,
          windowEnd: new Date(start.getTime() + 3_600_000),
        }),
      () => as("globex").tickets.close({ ticket: t }),
      () => as("globex").tickets.reopen({ ticket: t }),
      () => as("globex").tickets.rate({ ticket: t, stars: 1 }),
    ];
    for (const action of actions) await refusedAsMissing(action());
    const ticket = await as("partner").tickets.get({ ticket: t });
    expect(ticket.messages.filter((m) => m.kind !== "system").map((m) => m.body)).toEqual([
      "El servidor zanahoria no responde desde las ocho.",
    ]);
    expect(ticket.escalatedAt).toBeNull();
    expect(await db.ticketMute.count()).toBe(0);
  });

  it("through an export", async () => {
    const day = todayIn();
    let text = "";
    for await (const chunk of await as("globex").tickets.export({ format: "csv", from: day, to: day, fields: ["number", "subject"] })) {
      if (chunk.kind === "data") text += Buffer.from(chunk.base64, "base64").toString("utf8");
    }
    expect(text).not.toContain(acmeTicket.reference);
    expect(text).not.toContain("Acme");
  });
});

describe("who sees an organization's ticket", () => {
  it("the requester, the org admin, the department's agents and admins do", async () => {
    for (const key of ["partner", "orgAdmin", "agent", "admin"]) expect(await ids(key)).toContain(acmeTicket.id);
  });

  it("a plain colleague does not, until added as interested user or the org opens tickets to members", async () => {
    expect(await ids("colleague")).not.toContain(acmeTicket.id);
    await as("partner").tickets.addWatcher({ ticket: acmeTicket.id, userId: who.colleague!.id });
    expect(await ids("colleague")).toContain(acmeTicket.id);
    await as("partner").tickets.removeWatcher({ ticket: acmeTicket.id, userId: who.colleague!.id });
    expect(await ids("colleague")).not.toContain(acmeTicket.id);
    await db.organization.update({ where: { name: "Acme Hosting" }, data: { membersSeeAllTickets: true } });
    who.colleague = await signedIn(db, who.colleague!.id);
    expect(await ids("colleague")).toContain(acmeTicket.id);
    await db.organization.update({ where: { name: "Acme Hosting" }, data: { membersSeeAllTickets: false } });
  });

  it("an agent of another department does not", async () => {
    expect(await ids("salesAgent")).not.toContain(acmeTicket.id);
    await refusedAsMissing(as("salesAgent").tickets.get({ ticket: acmeTicket.id }));
  });

  it("nobody without ticketing access does, not even the requester", async () => {
    await db.userPermission.deleteMany({ where: { userId: who.partner!.id, permission: "can_access_ticketing" } });
    const without = await signedIn(db, who.partner!.id);
    const error = (await failure(callerFor(db, without).tickets.get({ ticket: acmeTicket.id }))) as TRPCError;
    expect(error.code).toBe("FORBIDDEN");
    await db.userPermission.create({ data: { userId: who.partner!.id, permission: "can_access_ticketing" } });
  });
});

describe("search", () => {
  it("finds a ticket by number, by a partial subject word and by a word of its messages, accents ignored", async () => {
    for (const q of [acmeTicket.reference, String(acmeTicket.number), "servid", "caido", "ZANAHORIA", "zanah"]) {
      expect(await ids("partner", q), q).toContain(acmeTicket.id);
    }
    expect(await ids("partner", "inexistente")).not.toContain(acmeTicket.id);
  });

  it("does not let a partner find a ticket by the words of an internal note", async () => {
    await as("agent").tickets.reply({ ticket: acmeTicket.id, body: "berenjena secreta", internal: true });
    expect(await ids("agent", "berenjena")).toContain(acmeTicket.id);
    expect(await ids("partner", "berenjena")).not.toContain(acmeTicket.id);
  });

  it("finds words spread over several messages, and an edited message by its new words only", async () => {
    const reply = await as("partner").tickets.reply({ ticket: acmeTicket.id, body: "Ahora también falla el calabacín." });
    expect(await ids("partner", "zanahoria calabacin")).toContain(acmeTicket.id);
    await as("partner").tickets.editMessage({ messageId: reply.id, body: "Ahora también falla el pimiento." });
    expect(await ids("partner", "pimiento")).toContain(acmeTicket.id);
    expect(await ids("partner", "calabacin")).not.toContain(acmeTicket.id);
    expect(await ids("agent", "berenjena pimiento")).toContain(acmeTicket.id);
    // Typing: the last word matches as the start of a word, the ones before as whole words.
    expect(await ids("agent", "berenjena pimi")).toContain(acmeTicket.id);
    expect(await ids("agent", "beren pimiento")).not.toContain(acmeTicket.id);
  });

  it("a thread whose words outgrow the search's limit (pasted logs) still takes replies", async () => {
    const { id } = await openAcmeTicket(db, who.partner!, "Registros del servidor", "Adjunto los registros.");
    // What some thirty replies of pasted logs leave: 32 000 distinct 32-character ids, just under
    // PostgreSQL's 1 MB of words per tsvector (written directly: replying them takes a minute here).
    await db.$executeRaw`UPDATE "Ticket" SET "searchPublic" = v, "searchStaff" = v
      FROM (SELECT array_to_tsvector(array_agg(md5(g::text))) AS v FROM generate_series(1, 32000) g) words
      WHERE id = ${id}::uuid`;
    const log = Array.from({ length: 1_000 }, (_, j) => `trace${String(j).padStart(27, "0")}`).join(" ");
    await as("partner").tickets.reply({ ticket: id, body: log });
    await as("agent").tickets.reply({ ticket: id, body: `Nota: ${log}`, internal: true });
    const thread = await as("agent").tickets.get({ ticket: id });
    expect(thread.messages.filter((m) => m.body.includes("trace000000000000000000000000999"))).toHaveLength(2);
    expect(await ids("partner", "c4ca4238a0b923820dcc509a6f75849b")).toContain(id); // md5('1')
  });
});
