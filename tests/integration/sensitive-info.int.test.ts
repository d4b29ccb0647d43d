// The sensitive-information box (seed 002, Bloque 4): sealed at rest, revealed only to support
// staff with view_sensitive through an action the history records, absent from everything else
// (message text, lists, search, exports, emails, socket frames, logs), and erased when the ticket
// closes — by a person or by the automatic close — after which a reopened ticket asks again.
import type { SignedIn } from "../support/factories";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError } from "@trpc/server";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../server/db";
import { runTick } from "../../server/automation/tick";
import { deliverOutbox } from "../../server/notifications/outbox";
import { attachRealtime } from "../../server/realtime/attach";
import { setRealtimeServer, type RealtimeServer } from "../../server/realtime/emit";
import { upsertUser } from "../../server/seed/demo";
import { exportFields } from "../../server/tickets/export/fields";
import { formatError } from "../../server/trpc/error-format";
import { sessionCookie } from "../support/cookie";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail } from "../support/factories";
import { todayIn } from "../support/calendar-day";

const SECRET = "usuario: root · clave: Zanahoria-Secreta-4411";
const SECRET_2 = "IBAN ES91 2100 0418 4502 0005 1332";
const marks = ["Zanahoria-Secreta-4411", "ES91 2100 0418"];

let world: DemoWorld;
let db: Db;
let http: HttpServer;
let io: RealtimeServer;
const who: Record<string, SignedIn> = {};
let support: { id: number; categories: { id: number }[] };
let acmeId: string;
const frames: string[] = [];
const logged: string[] = [];
let socket: Socket;

const as = (key: string, locale: "es" | "en" = "es") => callerFor(db, who[key]!, locale);

beforeAll(async () => {
  // Everything Mesa writes to the console during these tests is kept and searched.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) =>
        void logged.push(
          args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "),
        ),
    );
  }
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  for (const [key, email] of Object.entries({
    partner: "partner@demo.test",
    orgAdmin: "orgadmin@demo.test",
    agent: "agent@demo.test",
    admin: "admin@demo.test",
  }))
    who[key] = await world.login(email);
  support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const plainAgent = await upsertUser(db, {
    email: uniqueEmail("no-sensitive"),
    name: "Agente sin permiso",
    role: "agent",
    departmentIds: [support.id],
  });
  await db.userPermission.deleteMany({ where: { userId: plainAgent.id, permission: "view_sensitive" } });
  who.plainAgent = await signedIn(db, plainAgent.id);

  http = createServer();
  io = attachRealtime(http, { db: () => db, secret: process.env.NEXTAUTH_SECRET! });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  socket = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: await sessionCookie(who.agent!.id, who.agent!.sessionId) },
  });
  socket.onAny((event, ...args) => frames.push(JSON.stringify([event, ...args])));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
});
afterAll(async () => {
  socket?.disconnect();
  setRealtimeServer(undefined);
  await io?.close();
  await world?.close();
  vi.restoreAllMocks();
});

const openTicket = (sensitive?: string, departmentId = support.id, categoryId = support.categories[0]!.id) =>
  as("partner").tickets.create({
    type: "incident",
    departmentId,
    categoryId,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject: "Acceso al panel de hosting",
    description: "No puedo entrar al panel; os dejo las credenciales en el cuadro seguro.",
    sensitive,
  });
const watch = (ticketId: string) => new Promise<boolean>((resolve) => socket.emit("ticket.watch", ticketId, resolve));

describe("sensitive information", () => {
  let ticket: { id: string; reference: string };
  let messageId: string;

  beforeAll(async () => {
    const created = await openTicket(SECRET);
    ticket = created;
    expect(await watch(created.id)).toBe(true);
    messageId = (await as("partner").tickets.get({ ticket: created.id })).messages[0]!.id;
  });

  it("is stored sealed with the key's id: not in the message text, not in the clear in its row", async () => {
    const row = await db.sensitiveInfo.findUniqueOrThrow({ where: { messageId } });
    expect(row.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(row.ciphertext).toString("utf8")).not.toContain("Zanahoria");
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.body).not.toContain("Zanahoria");
    const view = await as("partner").tickets.get({ ticket: ticket.id });
    expect(view.messages[0]!.hasSensitive).toBe(true);
    expect(JSON.stringify(view)).not.toContain("Zanahoria");
  });

  it("an agent without view_sensitive cannot reveal it; the refusal is translated", async () => {
    const error = await failure(as("plainAgent").tickets.revealSensitive({ ticket: ticket.id, messageId }));
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    expect(formatError(error as TRPCError, "es").message).toBe(
      "Solo el personal de soporte con permiso puede ver la información sensible.",
    );
    await expect(as("partner").tickets.revealSensitive({ ticket: ticket.id, messageId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "sensitive_revealed" } })).toBe(0);
  });

  it("an agent with it reveals it, and the history records who and when (for staff only)", async () => {
    const at = new Date();
    const { text } = await callerFor(db, who.agent!, "es", at).tickets.revealSensitive({ ticket: ticket.id, messageId });
    expect(text).toBe(SECRET);
    const event = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "sensitive_revealed" } });
    expect(event).toMatchObject({ actorId: who.agent!.id, staffOnly: true, detail: messageId, createdAt: at });
    const staffView = await as("agent").tickets.get({ ticket: ticket.id });
    expect(staffView.messages.some((m) => m.event?.kind === "sensitive_revealed" && m.author?.name === "Álex Agente")).toBe(true);
    const partnerView = await as("partner").tickets.get({ ticket: ticket.id });
    expect(partnerView.messages.some((m) => m.event?.kind === "sensitive_revealed")).toBe(false);
  });

  it("an admin grants and withdraws the permission from the staff screen's procedures", async () => {
    const admin = as("admin");
    const person = async (p: { email: string }) => (await admin.admin.users.search({ q: p.email, role: null })).people[0]!;
    expect(await person(who.plainAgent!)).toMatchObject({
      permissions: ["can_access_ticketing"],
      departments: [{ name: "Soporte Técnico" }],
    });
    await admin.admin.users.setPermission({ userId: who.plainAgent!.id, permission: "view_sensitive", granted: true });
    expect((await person(who.plainAgent!)).permissions).toContain("view_sensitive");
    const granted = await signedIn(db, who.plainAgent!.id);
    expect((await callerFor(db, granted).tickets.revealSensitive({ ticket: ticket.id, messageId })).text).toBe(SECRET);
    await admin.admin.users.setPermission({ userId: who.plainAgent!.id, permission: "view_sensitive", granted: false });
    const withdrawn = await signedIn(db, who.plainAgent!.id);
    await expect(callerFor(db, withdrawn).tickets.revealSensitive({ ticket: ticket.id, messageId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("can be given with a reply too, and is refused where the department does not offer the box", async () => {
    const reply = await as("partner").tickets.reply({
      ticket: ticket.id,
      body: "Os paso también la cuenta de cargo.",
      sensitive: SECRET_2,
    });
    expect((await as("admin").tickets.revealSensitive({ ticket: ticket.id, messageId: reply.id })).text).toBe(SECRET_2);
    const sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" }, include: { categories: true } });
    const refused = await failure(openTicket("clave", sales.id, sales.categories[0]!.id));
    expect(formatError(refused as TRPCError, "es").message).toBe("Este departamento no admite información sensible.");
  });

  it("appears in no list, search, export, email, socket frame or log line", async () => {
    const lists = await as("agent").tickets.list({
      tab: "all",
      q: "Zanahoria",
      status: [],
      priority: [],
      departmentId: [],
      sort: "updated",
      dir: "desc",
      limit: 100,
    });
    expect(lists.items).toEqual([]);
    const all = await as("agent").tickets.list({
      tab: "all",
      q: "",
      status: [],
      priority: [],
      departmentId: [],
      sort: "updated",
      dir: "desc",
      limit: 100,
    });
    expect(JSON.stringify(all)).not.toMatch(/Zanahoria|ES91/);
    await as("agent").tickets.reply({ ticket: ticket.id, body: "Gracias, ya entramos." });
    const today = todayIn();
    for (const format of ["csv", "xlsx"] as const) {
      const parts: Buffer[] = [];
      for await (const chunk of await as("agent").tickets.export({ format, from: "2000-01-01", to: today, fields: [...exportFields] })) {
        if (chunk.kind !== "start") parts.push(Buffer.from(chunk.base64, "base64"));
      }
      const file = Buffer.concat(parts);
      expect(file.length).toBeGreaterThan(100);
      expect(file.toString("utf8")).not.toMatch(/Zanahoria|ES91/);
    }
    await deliverOutbox(db);
    const mails = world.mailbox!.received.filter((m) => m.subject?.includes(ticket.reference));
    expect(mails.length).toBeGreaterThanOrEqual(2); // "received" and the agent's reply
    for (const mail of mails) expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(/Zanahoria|ES91/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frames.some((f) => f.includes(ticket.id))).toBe(true);
    for (const mark of marks) {
      expect(frames.filter((f) => f.includes(mark))).toEqual([]);
      expect(logged.filter((line) => line.includes(mark))).toEqual([]);
    }
  });

  it("is erased (rows deleted) when the ticket closes, with a system note; a reopened ticket asks for it again", async () => {
    await as("agent").tickets.setStatus({ ticket: ticket.id, status: "resolved" });
    expect(await db.sensitiveInfo.count({ where: { ticketId: ticket.id } })).toBe(2);
    await as("partner").tickets.close({ ticket: ticket.id });
    expect(await db.sensitiveInfo.count({ where: { ticketId: ticket.id } })).toBe(0);
    const closed = await as("partner").tickets.get({ ticket: ticket.id });
    expect(closed.messages.filter((m) => m.event?.kind === "sensitive_erased")).toHaveLength(1);
    expect(closed.messages.some((m) => m.hasSensitive)).toBe(false);
    await expect(as("agent").tickets.revealSensitive({ ticket: ticket.id, messageId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as("partner").tickets.reopen({ ticket: ticket.id });
    expect((await as("partner").tickets.get({ ticket: ticket.id })).sensitiveErased).toBe(true);
  });

  it("is erased by the automatic close too", async () => {
    const created = await openTicket("clave temporal 77");
    await as("agent").tickets.setStatus({ ticket: created.id, status: "resolved" });
    expect(await db.sensitiveInfo.count({ where: { ticketId: created.id } })).toBe(1);
    await runTick(db, new Date(Date.now() + 30 * 86_400_000));
    const after = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.status).toBe("closed");
    expect(await db.sensitiveInfo.count({ where: { ticketId: created.id } })).toBe(0);
    expect(await db.ticketEvent.count({ where: { ticketId: created.id, kind: "sensitive_erased", actorId: null } })).toBe(1);
  });
});
