// Socket.IO on the HTTP server Next also uses. The handshake must carry a valid session cookie:
// anonymous connections are refused before they connect, and so is a handshake or long-polling
// request a browser made from another origin (cross-site WebSocket hijacking rides on the cookie
// too). Rooms are joined only through the visibility rule: the user's own room; an organization's
// room for those who see all its tickets; a department queue's room for its agents (all queues for
// admins); a ticket's room after findVisibleTicket says this person may see it — with the person
// re-read from the database for each such request, never the copy made at connection time. When
// access ends, access.ts makes the sockets leave. Presence lives on the sockets themselves, so it
// is read across nodes through the adapter (see adapter.ts).
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import type { Db } from "../db";
import { isStaff } from "../access/principal";
import { loadSessionPrincipal } from "../auth/sessions";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { findVisibleTicket } from "../access/find-visible";
import { foreignSource, normaliseOrigin } from "../http/request-guard";
import { setRealtimeServer, type RealtimeServer } from "./emit";
import {
  queueRoom,
  ticketRoom,
  ticketStaffRoom,
  type ClientToServerEvents,
  type PresencePerson,
  type ServerToClientEvents,
} from "./events";
import { changesSince } from "./changes-since";
import { peopleOn, presenceIn } from "./presence";
import { currentPrincipal, roomsFor, type SocketData } from "./access";

export type { SocketData } from "./access";
type MesaSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ticketIdSchema = z.string().min(1).max(64);
const sinceSchema = z.union([z.literal(""), z.string().regex(/^\d{1,19}$/)]);

export function attachRealtime(http: HttpServer, deps: { db: () => Db; secret: string; appOrigin?: string }): RealtimeServer {
  const appOrigin = deps.appOrigin ?? normaliseOrigin(process.env.NEXTAUTH_URL ?? "http://localhost");
  const io: RealtimeServer = new Server(http, {
    destroyUpgrade: false,
    serveClient: false,
    // Every Engine.IO request (handshake, long-polling, WebSocket upgrade): the same provenance rule
    // as HTTP (server/http/request-guard.ts). Browsers always send Origin on a WebSocket.
    allowRequest: (req, callback) => callback(null, foreignSource(req.headers, { appOrigin }) === null),
  });
  // Rooms are worked out in the middleware (it may wait on the database) and joined synchronously
  // as the connection opens, so no event emitted after the client sees "connected" can miss it.
  const initialRooms = new WeakMap<object, string[]>();
  io.use(async (socket, next) => {
    try {
      const sid = await sessionIdFromCookies(socket.handshake.headers.cookie, deps.secret);
      const user = sid ? await loadSessionPrincipal(deps.db(), sid, new Date()) : null;
      if (!user) return next(new Error("unauthenticated"));
      Object.assign(socket.data, { user, viewing: {} } satisfies SocketData);
      initialRooms.set(socket, await roomsFor(deps.db(), user));
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  io.on("connection", (raw) => {
    const socket = raw as unknown as MesaSocket;
    void socket.join(initialRooms.get(raw) ?? []);
    const departmentOf = new Map<string, number>(); // tickets this socket watches → their queue
    /** The person as the database says now (kept on the socket); null, and the socket closed, when
     * their session ended or the account went away. */
    const current = async () => {
      const user = await currentPrincipal(deps.db(), socket.data.user);
      if (user) socket.data.user = user;
      else socket.disconnect(true);
      return user;
    };
    const announcePresence = async (ticketId: string) => {
      const departmentId = departmentOf.get(ticketId);
      const people = await peopleOn(io, ticketId);
      io.to([ticketStaffRoom(ticketId), ...(departmentId !== undefined ? [queueRoom(departmentId)] : [])]).emit("presence.changed", {
        ticketId,
        people,
      });
    };
    const setViewing = (ticketId: string, typing: boolean | null) => {
      if (typing === null) delete socket.data.viewing[ticketId];
      else socket.data.viewing[ticketId] = typing;
      void announcePresence(ticketId).catch(() => {});
    };

    socket.on("ticket.watch", async (ticketId, ack) => {
      try {
        const user = await current();
        if (!user) return ack?.(false);
        const ticket = await findVisibleTicket(deps.db(), user, ticketIdSchema.parse(ticketId));
        await socket.join(ticketRoom(ticket.id));
        if (isStaff(user)) {
          await socket.join(ticketStaffRoom(ticket.id));
          departmentOf.set(ticket.id, ticket.departmentId);
          setViewing(ticket.id, false);
        }
        ack?.(true);
      } catch {
        ack?.(false);
      }
    });
    socket.on("ticket.unwatch", (ticketId) => {
      const id = String(ticketId);
      void socket.leave(ticketRoom(id));
      if (!socket.rooms.has(ticketStaffRoom(id))) return;
      void socket.leave(ticketStaffRoom(id));
      setViewing(id, null);
      departmentOf.delete(id);
    });
    socket.on("presence.typing", (ticketId, typing) => {
      const id = String(ticketId);
      // Only a staff socket that joined the ticket (visibility checked then, and again on every change
      // of the ticket: access.ts) may report presence.
      if (!isStaff(socket.data.user) || !socket.rooms.has(ticketStaffRoom(id))) return;
      setViewing(id, typing === true);
    });
    socket.on("presence.snapshot", async (ack) => {
      if (!isStaff(socket.data.user) || typeof ack !== "function") return;
      const queues = [...socket.rooms].filter((r) => r.startsWith("queue:"));
      ack(queues.length ? await presenceIn(io, queues).catch(() => ({}) as Record<string, PresencePerson[]>) : {});
    });
    socket.on("events.since", async (since, ack) => {
      if (typeof ack !== "function") return;
      const parsed = sinceSchema.safeParse(since);
      if (!parsed.success) return ack({ changes: [], latest: null });
      const user = await current().catch(() => null);
      if (!user) return ack({ changes: [], latest: null });
      ack(await changesSince(deps.db(), user, parsed.data).catch(() => ({ changes: [], latest: null })));
    });
    socket.on("disconnect", () => {
      for (const id of Object.keys(socket.data.viewing)) void announcePresence(id).catch(() => {});
    });
  });
  setRealtimeServer(io);
  return io;
}
