// Live events stop the moment access ends. As found: a socket that had joined a ticket's room (or
// its organization's) kept receiving that ticket's `ticket.changed` after its person was removed as
// an interested user or from the organization, because rooms were checked only when joined. Over a
// real Socket.IO server and real sockets: each case first shows the socket hearing the ticket, then
// takes the access away through the procedures people use, and shows that nothing more arrives,
// that the socket is out of the rooms, and that it cannot follow the ticket again.
import type { SignedIn } from "../support/factories";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import type { OrgRole } from "../../server/db/generated/enums";
import { attachRealtime } from "../../server/realtime/attach";
import { setRealtimeServer, type RealtimeServer } from "../../server/realtime/emit";
import { orgRoom, ticketRoom, type ClientToServerEvents, type ServerToClientEvents } from "../../server/realtime/events";
import { sessionCookie } from "../support/cookie";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, makeUser, signedIn } from "../support/factories";

let world: DemoWorld;
let db: Db;
let http: HttpServer;
let io: RealtimeServer;
let url: string;
let requester: SignedIn;
let orgAdmin: SignedIn;
let agent: SignedIn;
let acmeId: string;
let support: { id: number; categoryId: number };
const sockets: Socket[] = [];

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  requester = await world.login("partner@demo.test");
  orgAdmin = await world.login("orgadmin@demo.test");
  agent = await world.login("agent@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const department = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: department.id, categoryId: department.categories[0]!.id };
  http = createServer();
  io = attachRealtime(http, { db: () => db, secret: process.env.NEXTAUTH_SECRET! });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io?.close();
  await world?.close();
});

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function acmePerson(role: OrgRole): Promise<SignedIn> {
  const user = await makeUser(db, { label: `acme-${role}` });
  await db.membership.create({ data: { userId: user.id, organizationId: acmeId, role } });
  return signedIn(db, user.id);
}

async function openAs(user: SignedIn): Promise<{ socket: Client; heard: string[] }> {
  const socket: Client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: await sessionCookie(user.id, user.sessionId) },
  });
  sockets.push(socket);
  const heard: string[] = [];
  socket.on("ticket.changed", (change) => heard.push(change.ticketId));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, heard };
}

const watch = (socket: Client, ticketId: string) => new Promise<boolean>((resolve) => socket.emit("ticket.watch", ticketId, resolve));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** The rooms the server holds this client's socket in. */
async function roomsOf(socket: Client): Promise<Set<string>> {
  const [server] = await io.in(socket.id!).fetchSockets();
  return server ? new Set(server.rooms) : new Set();
}

async function acmeTicket(by: SignedIn, watcherIds: string[] = []): Promise<string> {
  const created = await callerFor(db, by).tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categoryId,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds,
    subject: "Acceso en directo",
    description: "Texto",
  });
  return created.id;
}

const reply = (ticketId: string, body: string) => callerFor(db, agent).tickets.reply({ ticket: ticketId, body });

describe("socket rooms after access ends", () => {
  it("an interested user removed from a ticket stops hearing of it at once", async () => {
    const watcher = await acmePerson("member"); // a plain member: sees the ticket only as interested user
    const ticketId = await acmeTicket(requester, [watcher.id]);
    const { socket, heard } = await openAs(watcher);
    expect(await watch(socket, ticketId)).toBe(true);
    await reply(ticketId, "Antes de quitarle");
    await expect.poll(() => heard.filter((id) => id === ticketId).length).toBeGreaterThan(0);

    await callerFor(db, requester).tickets.removeWatcher({ ticket: ticketId, userId: watcher.id });
    expect((await roomsOf(socket)).has(ticketRoom(ticketId))).toBe(false);
    heard.length = 0;
    await reply(ticketId, "Después de quitarle");
    await callerFor(db, agent).tickets.setStatus({ ticket: ticketId, status: "pending_customer" });
    await settle();
    expect(heard).toEqual([]);
    // Nor can it follow the ticket again: the person is re-read, not the copy made at connection.
    expect(await watch(socket, ticketId)).toBe(false);
    await reply(ticketId, "Tras intentar volver");
    await settle();
    expect(heard).toEqual([]);
  });

  it("a member removed from the organization leaves its room and its tickets' rooms", async () => {
    const member = await acmePerson("admin"); // an org admin sees every ticket of the organization
    const ticketId = await acmeTicket(requester);
    const { socket, heard } = await openAs(member);
    expect((await roomsOf(socket)).has(orgRoom(acmeId))).toBe(true);
    expect(await watch(socket, ticketId)).toBe(true);
    await reply(ticketId, "Antes de salir");
    await expect.poll(() => heard.filter((id) => id === ticketId).length).toBeGreaterThan(0);

    await callerFor(db, orgAdmin).organizations.remove({ organizationId: acmeId, userId: member.id });
    const rooms = await roomsOf(socket);
    expect(rooms.has(orgRoom(acmeId))).toBe(false);
    expect(rooms.has(ticketRoom(ticketId))).toBe(false);
    expect(socket.connected).toBe(true); // still signed in: only the organization's rooms went

    heard.length = 0;
    await reply(ticketId, "Después de salir");
    const another = await acmeTicket(requester); // announced to the organization's room
    await settle();
    expect(heard).toEqual([]);
    expect(await watch(socket, ticketId)).toBe(false);
    expect(await watch(socket, another)).toBe(false);
  });

  it("an org admin made a plain member stops hearing of tickets that are not theirs", async () => {
    const member = await acmePerson("admin");
    const ticketId = await acmeTicket(requester);
    const { socket, heard } = await openAs(member);
    expect(await watch(socket, ticketId)).toBe(true);

    await callerFor(db, orgAdmin).organizations.setRole({ organizationId: acmeId, userId: member.id, role: "member" });
    const rooms = await roomsOf(socket);
    expect(rooms.has(orgRoom(acmeId))).toBe(false);
    expect(rooms.has(ticketRoom(ticketId))).toBe(false);
    await reply(ticketId, "Ya no es admin");
    await acmeTicket(requester);
    await settle();
    expect(heard).toEqual([]);
  });

  it("everyone who may still see the ticket keeps hearing it", async () => {
    const watcher = await acmePerson("member");
    const stays = await acmePerson("member");
    const ticketId = await acmeTicket(requester, [watcher.id, stays.id]);
    const gone = await openAs(watcher);
    const kept = await openAs(stays);
    const own = await openAs(requester);
    const staff = await openAs(agent);
    for (const client of [gone, kept, own, staff]) expect(await watch(client.socket, ticketId)).toBe(true);

    await callerFor(db, requester).tickets.removeWatcher({ ticket: ticketId, userId: watcher.id });
    for (const client of [gone, kept, own, staff]) client.heard.length = 0;
    await reply(ticketId, "Para los que siguen");
    await expect.poll(() => [kept, own, staff].map((c) => c.heard.includes(ticketId))).toEqual([true, true, true]);
    expect(gone.heard).toEqual([]);
  });
});

describe("socket handshake provenance", () => {
  const attempt = async (headers: Record<string, string>) => {
    const socket: Client = connect(url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: await sessionCookie(requester.id, requester.sessionId), ...headers },
    });
    sockets.push(socket);
    return new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("connect_error", () => resolve(false));
    });
  };

  it("refuses a WebSocket a page of another origin opens with the victim's cookie", async () => {
    expect(await attempt({ origin: "https://evil.example" })).toBe(false);
    expect(await attempt({ origin: "http://sibling.mesa.test" })).toBe(false);
    expect(await attempt({ "sec-fetch-site": "same-site" })).toBe(false);
  });

  it("accepts Mesa's own pages and clients that are not browsers", async () => {
    expect(await attempt({ origin: new URL(process.env.NEXTAUTH_URL!).origin })).toBe(true);
    expect(await attempt({})).toBe(true);
  });
});
