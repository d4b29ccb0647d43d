// Socket.IO on a real HTTP server: the handshake is authenticated from next-auth's cookie before
// any connection exists, and events reach exactly the person's own room.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSession, loadSessionPrincipal } from "../../server/auth/sessions";
import type { Db } from "../../server/db";
import { attachRealtime } from "../../server/realtime/attach";
import { emitTo, setRealtimeServer, type RealtimeServer } from "../../server/realtime/emit";
import { userRoom, type ServerToClientEvents } from "../../server/realtime/events";
import { PASSWORD, callerFor, makeUser } from "../support/factories";
import { sessionCookie } from "../support/cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
let http: HttpServer;
let io: RealtimeServer;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  http = createServer();
  io = attachRealtime(http, { db: () => db, secret: process.env.NEXTAUTH_SECRET! });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  setRealtimeServer(undefined);
  await io?.close(); // also closes the HTTP server
  await database?.close();
});

type Client = Socket<ServerToClientEvents>;
/** Connects like a browser tab; resolves with the socket, or with the refusal's message. */
function open(cookie?: string): Promise<{ socket: Client; error?: string }> {
  const socket: Client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

async function signedInCookie(userId: string) {
  const sessionId = await createSession(db, userId, new Date());
  return { sessionId, cookie: await sessionCookie(userId, sessionId) };
}

const next = <E extends keyof ServerToClientEvents>(socket: Client, event: E) =>
  new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve) => socket.once(event, ((payload: never) => resolve(payload)) as never));

const profileUpdate = { name: "Updated", locale: "es", timeZone: "Europe/Madrid", phone: null };

describe("realtime handshake", () => {
  it("refuses a connection without a session cookie", async () => {
    const { socket, error } = await open();
    expect(error).toBe("unauthenticated");
    expect(socket.connected).toBe(false);
  });

  it("refuses a cookie signed with another secret", async () => {
    const user = await makeUser(db);
    const sessionId = await createSession(db, user.id, new Date());
    const forged = await sessionCookie(user.id, sessionId, "someone-else-s-secret-0123456789abc");
    expect((await open(forged)).error).toBe("unauthenticated");
  });

  it("connects with a session cookie and receives what is sent to the person's room", async () => {
    const user = await makeUser(db);
    const { socket, error } = await open((await signedInCookie(user.id)).cookie);
    expect(error).toBeUndefined();
    const received = next(socket, "profile.updated");
    emitTo(userRoom(user.id), "profile.updated", profileUpdate);
    expect(await received).toEqual(profileUpdate);
  });

  it("delivers a profile change made through the API to every tab of that person only", async () => {
    const user = await makeUser(db);
    const other = await makeUser(db);
    const session = await signedInCookie(user.id);
    const tabs = [(await open(session.cookie)).socket, (await open((await signedInCookie(user.id)).cookie)).socket];
    const stranger = (await open((await signedInCookie(other.id)).cookie)).socket;
    let strangerGot = 0;
    stranger.on("profile.updated", () => strangerGot++);

    const arrivals = tabs.map((tab) => next(tab, "profile.updated"));
    const me = await loadSessionPrincipal(db, session.sessionId, new Date());
    await callerFor(db, me).profile.update({ name: "Tabs Everywhere", timeZone: "America/Lima" });
    for (const payload of await Promise.all(arrivals)) expect(payload).toMatchObject({ name: "Tabs Everywhere", timeZone: "America/Lima" });

    // A message to the stranger's own room arrives after anything sent before it, so by now the
    // stranger would have received the update if it had been sent to them.
    const own = next(stranger, "profile.updated");
    emitTo(userRoom(other.id), "profile.updated", profileUpdate);
    await own;
    expect(strangerGot).toBe(1);
  });

  it("refuses a new connection once the session was deleted (signed out)", async () => {
    const user = await makeUser(db);
    const { sessionId, cookie } = await signedInCookie(user.id);
    expect((await open(cookie)).error).toBeUndefined();
    await db.session.delete({ where: { id: sessionId } });
    expect((await open(cookie)).error).toBe("unauthenticated");
  });

  it("a password change closes the other browsers' live connections and keeps this one", async () => {
    const user = await makeUser(db);
    const here = await signedInCookie(user.id);
    const elsewhere = await signedInCookie(user.id);
    const mine = (await open(here.cookie)).socket;
    const theirs = (await open(elsewhere.cookie)).socket;
    const closed = new Promise<string>((resolve) => theirs.once("disconnect", (reason) => resolve(reason)));

    const me = await loadSessionPrincipal(db, here.sessionId, new Date());
    await callerFor(db, me).profile.changePassword({ current: PASSWORD, next: "a changed password" });

    expect(await closed).toBe("io server disconnect");
    const stillHere = next(mine, "profile.updated");
    emitTo(userRoom(user.id), "profile.updated", profileUpdate);
    expect(await stillHere).toEqual(profileUpdate);
    expect(mine.connected).toBe(true);
    expect((await open(elsewhere.cookie)).error).toBe("unauthenticated");
  });
});
