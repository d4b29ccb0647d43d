// The after-commit work follows the event table, not the request that made the change: a change
// whose process died before its dispatcher ran (or while it ran) still gets its SLA deadline and its
// live announcement when a dispatcher starts again — exactly once.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { attachRealtime } from "../../server/realtime/attach";
import { setRealtimeServer, type RealtimeServer } from "../../server/realtime/emit";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/realtime/events";
import { createCaller } from "../../server/trpc/router";
import { dispatchPending } from "../../server/after-commit/dispatcher";
import { startDispatchWorker } from "../../server/after-commit/worker";
import { sessionCookie } from "../support/cookie";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import type { SignedIn } from "../support/factories";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let world: DemoWorld;
let db: Db;
let http: HttpServer;
let io: RealtimeServer;
let url: string;
let partner: SignedIn;
let agent: SignedIn;
let support: { id: number; categoryId: number };
let acmeId: string;
const sockets: Client[] = [];

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  [partner, agent] = [await world.login("partner@demo.test"), await world.login("agent@demo.test")];
  const department = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: department.id, categoryId: department.categories[0]!.id };
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
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

/** A process that commits and then dies: no dispatcher runs after its calls. */
const dyingProcess = (who: SignedIn, now: Date) => createCaller(() => ({ db, user: who, locale: "es", now }));

async function watcherOf(ticketId: string, who: SignedIn): Promise<{ heard: string[] }> {
  const socket: Client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: await sessionCookie(who.id, who.sessionId) },
  });
  sockets.push(socket);
  const heard: string[] = [];
  socket.on("ticket.changed", (change) => change.ticketId === ticketId && heard.push(change.eventId));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  expect(await new Promise<boolean>((resolve) => socket.emit("ticket.watch", ticketId, resolve))).toBe(true);
  return { heard };
}

const stored = (id: string) => db.ticket.findUniqueOrThrow({ where: { id }, select: { slaClock: true, slaDueAt: true } });
const queued = (ticketId: string) => db.ticketEventDispatch.count({ where: { ticketId } });
const latestEvent = async (ticketId: string) =>
  String((await db.ticketEvent.findFirstOrThrow({ where: { ticketId }, orderBy: { id: "desc" } })).id);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("after-commit dispatcher", () => {
  it("gives a change committed by a process that died before dispatch its deadline and its announcement, once, after a restart", async () => {
    const t0 = new Date();
    const created = await dyingProcess(partner, t0).tickets.create({
      type: "incident",
      departmentId: support.id,
      categoryId: support.categoryId,
      organizationId: acmeId,
      serviceIds: [],
      watcherIds: [],
      subject: "Caída antes del despacho",
      description: "El proceso muere tras el commit",
    });
    const watcher = await watcherOf(created.id, partner);
    await dyingProcess(agent, new Date(+t0 + 60_000)).tickets.setPriority({ ticket: created.id, priority: "urgent" });
    // Committed, not yet dispatched: no deadline on the row, nobody told, the work waits in the table.
    expect(await stored(created.id)).toEqual({ slaClock: null, slaDueAt: null });
    expect(await queued(created.id)).toBe(2);
    await pause(200);
    expect(watcher.heard).toEqual([]);

    // The next process starts its dispatcher: it resumes from the table.
    const worker = await startDispatchWorker(() => db, world.database.listen);
    await worker.settled();
    const after = await stored(created.id);
    expect(after.slaClock).toBe("first_response");
    expect(after.slaDueAt).toBeInstanceOf(Date);
    expect(+after.slaDueAt!).toBeGreaterThan(+t0);
    await pause(300);
    expect(watcher.heard).toEqual([await latestEvent(created.id)]);
    expect(await queued(created.id)).toBe(0);

    // Woken by the NOTIFY of the next commit, with no one calling it: one more announcement.
    await dyingProcess(agent, new Date(+t0 + 120_000)).tickets.reply({ ticket: created.id, body: "Ya lo miramos" });
    // Sooner than the 5 s poll: the notice woke it.
    await expect.poll(() => watcher.heard.length, { timeout: 4_000 }).toBe(2);
    expect(watcher.heard[1]).toBe(await latestEvent(created.id));
    await worker.stop();
    // Running the dispatcher again finds nothing to redo: each announcement came once.
    expect(await dispatchPending(db)).toBe(0);
    await pause(200);
    expect(watcher.heard).toHaveLength(2);
  });

  it("takes over the work of a dispatcher that died mid-batch once its lease ends, and not before", async () => {
    const t0 = new Date();
    const created = await dyingProcess(partner, t0).tickets.create({
      type: "incident",
      departmentId: support.id,
      categoryId: support.categoryId,
      organizationId: acmeId,
      serviceIds: [],
      watcherIds: [],
      subject: "Despachador caído",
      description: "Reclamado y abandonado",
    });
    const watcher = await watcherOf(created.id, partner);
    // A dispatcher on another node claimed the row, then died before doing the work.
    await db.ticketEventDispatch.updateMany({ where: { ticketId: created.id }, data: { claimedUntil: new Date(Date.now() + 60_000) } });
    expect(await dispatchPending(db)).toBe(0);
    expect((await stored(created.id)).slaDueAt).toBeNull();

    // After the lease the work is taken over and done once.
    expect(await dispatchPending(db, () => new Date(Date.now() + 61_000))).toBe(1);
    expect((await stored(created.id)).slaDueAt).toBeInstanceOf(Date);
    await pause(300);
    expect(watcher.heard).toEqual([await latestEvent(created.id)]);
    expect(await dispatchPending(db, () => new Date(Date.now() + 61_000))).toBe(0);
  });
});
