// Ticket rooms over a real Socket.IO server: joining re-checks the visibility rule, a partner never
// hears of another organization's ticket, and what travels carries ids only — never a message body,
// so internal notes cannot leak through sockets.
import type { SignedIn } from "../support/factories";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { attachRealtime } from "../../server/realtime/attach";
import { setRealtimeServer, type RealtimeServer } from "../../server/realtime/emit";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/realtime/events";
import { sessionCookie } from "../support/cookie";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, openAcmeTicket } from "../support/factories";
import { ChangeFeed } from "../../app/_lib/change-feed";

let world: DemoWorld;
let db: Db;
let http: HttpServer;
let io: RealtimeServer;
let url: string;
const who: Record<string, SignedIn> = {};
let acmeTicket: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  for (const [key, email] of Object.entries({ partner: "partner@demo.test", globex: "partner2@demo.test", agent: "agent@demo.test" }))
    who[key] = await world.login(email);
  http = createServer();
  io = attachRealtime(http, { db: () => db, secret: process.env.NEXTAUTH_SECRET! });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  acmeTicket = (await openAcmeTicket(db, who.partner!, "Sala de Acme", "Texto público")).id;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io?.close();
  await world?.close();
});

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
async function openAs(user: SignedIn): Promise<{ socket: Client; frames: string[] }> {
  const socket: Client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: await sessionCookie(user.id, user.sessionId) },
  });
  sockets.push(socket);
  const frames: string[] = [];
  socket.onAny((event, ...args) => frames.push(JSON.stringify([event, ...args])));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, frames };
}
const watch = (socket: Client, ticketId: string) => new Promise<boolean>((resolve) => socket.emit("ticket.watch", ticketId, resolve));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("ticket rooms", () => {
  it("refuse a partner of another organization and send them nothing of that ticket", async () => {
    const globex = await openAs(who.globex!);
    expect(await watch(globex.socket, acmeTicket)).toBe(false);
    const partner = await openAs(who.partner!);
    expect(await watch(partner.socket, acmeTicket)).toBe(true);
    const heard = new Promise((resolve) => partner.socket.once("ticket.changed", resolve));

    await callerFor(db, who.agent!).tickets.reply({ ticket: acmeTicket, body: "Respuesta pública" });
    expect(await heard).toEqual({ ticketId: acmeTicket, eventId: expect.stringMatching(/^\d+$/) });
    await settle();
    expect(globex.frames.filter((f) => f.includes(acmeTicket))).toEqual([]);
  });

  it("never tell a partner of an internal note, live or on catch-up; staff hear of it", async () => {
    const partner = await openAs(who.partner!);
    await watch(partner.socket, acmeTicket);
    const agent = await openAs(who.agent!);
    await watch(agent.socket, acmeTicket);
    const agentHeard = new Promise<{ eventId: string }>((resolve) => agent.socket.once("ticket.changed", resolve));
    await callerFor(db, who.agent!).tickets.reply({ ticket: acmeTicket, body: "NOTA-SECRETA-interna", internal: true });
    const note = await agentHeard;
    const partnerHeard = new Promise<{ eventId: string }>((resolve) => partner.socket.once("ticket.changed", resolve));
    await callerFor(db, who.agent!).tickets.reply({ ticket: acmeTicket, body: "Respuesta visible" });
    const reply = await partnerHeard;
    await settle();
    expect(partner.frames.join("\n")).not.toContain("NOTA-SECRETA");
    expect(partner.frames.join("\n")).not.toContain(`"eventId":"${note.eventId}"`);
    const since = (s: Client, from: string) =>
      new Promise<{ changes: { eventId: string }[] }>((resolve) => s.emit("events.since", from, resolve));
    const partnerCatchUp = (await since(partner.socket, "0")).changes.map((c) => c.eventId);
    expect(partnerCatchUp).toContain(reply.eventId);
    expect(partnerCatchUp).not.toContain(note.eventId);
    expect((await since(agent.socket, "0")).changes.map((c) => c.eventId)).toContain(note.eventId);
  });

  it("announce a new ticket to the department's agents, not to other organizations", async () => {
    const agent = await openAs(who.agent!);
    const globex = await openAs(who.globex!);
    const heard = new Promise<{ ticketId: string }>((resolve) => agent.socket.once("ticket.changed", resolve));
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
    const created = await callerFor(db, who.partner!).tickets.create({
      type: "request",
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: null,
      serviceIds: [],
      watcherIds: [],
      subject: "Nuevo para la cola",
      description: "Hola",
    });
    expect((await heard).ticketId).toBe(created.id);
    await settle();
    expect(globex.frames.filter((f) => f.includes(created.id))).toEqual([]);
  });
});

describe("reconnect catch-up", () => {
  it("delivers the changes made while a client was offline after it reconnects, each once", async () => {
    const socket: Client = connect(url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: await sessionCookie(who.partner!.id, who.partner!.sessionId) },
    });
    sockets.push(socket);
    const feed = new ChangeFeed(socket);
    const delivered: string[] = [];
    feed.subscribe((change) => delivered.push(change.eventId));
    await expect.poll(() => feed.lastEventId).not.toBeNull();
    const before = BigInt(feed.lastEventId!);

    socket.disconnect();
    const agent = callerFor(db, who.agent!);
    await agent.tickets.reply({ ticket: acmeTicket, body: "Mientras estabas fuera (1)" });
    await agent.tickets.setStatus({ ticket: acmeTicket, status: "pending_customer" });
    await agent.tickets.reply({ ticket: acmeTicket, body: "Nota mientras estabas fuera", internal: true });
    await agent.tickets.setStatus({ ticket: acmeTicket, status: "on_hold" });
    const missed = (
      await db.ticketEvent.findMany({ where: { ticketId: acmeTicket, id: { gt: before }, staffOnly: false }, orderBy: { id: "asc" } })
    ).map((e) => String(e.id));
    expect(missed.length).toBeGreaterThanOrEqual(3);
    expect(delivered).toEqual([]);

    socket.connect();
    await expect.poll(() => delivered.length).toBe(missed.length);
    expect(delivered).toEqual(missed);

    // A second reconnect with nothing new delivers nothing again; a live change still arrives once.
    socket.disconnect();
    socket.connect();
    await expect.poll(() => feed.lastEventId).toBe(missed.at(-1));
    await agent.tickets.setStatus({ ticket: acmeTicket, status: "open" });
    await expect.poll(() => delivered.length).toBe(missed.length + 1);
    await settle();
    expect(new Set(delivered).size).toBe(delivered.length);
  });
});
