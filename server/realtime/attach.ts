// Socket.IO on the HTTP server Next also uses. The handshake must carry a valid session cookie:
// anonymous connections are refused before they connect. Rooms are joined only through the
// visibility rule: the user's own room; an organization's room for those who see all its tickets;
// a department queue's room for its agents (all queues for admins); a ticket's room after
// findVisibleTicket says this person may see it. Presence lives on the sockets themselves, so it is
// read across nodes through the adapter (see adapter.ts).
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import type { Db } from "../db";
import { isStaff, type Principal } from "../access/principal";
import { loadSessionPrincipal } from "../auth/sessions";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { findVisibleTicket } from "../access/find-visible";
import { setRealtimeServer, type RealtimeServer } from "./emit";
import { orgRoom, queueRoom, ticketRoom, ticketStaffRoom, userRoom, type ClientToServerEvents, type PresencePerson, type ServerToClientEvents } from "./events";
import { changesSince } from "./changes-since";
import { peopleOn, presenceIn } from "./presence";

export interface SocketData {
  user: Principal;
  /** Tickets this socket shows, with whether its person is typing a reply there (staff only). */
  viewing: Record<string, boolean>;
}
type MesaSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ticketIdSchema = z.string().min(1).max(64);
const sinceSchema = z.union([z.literal(""), z.string().regex(/^\d{1,19}$/)]);

async function roomsFor(db: Db, user: Principal): Promise<string[]> {
  const rooms = [userRoom(user.id)];
  if (user.role === "admin") {
    for (const d of await db.department.findMany({ select: { id: true } })) rooms.push(queueRoom(d.id));
  } else if (user.role === "agent") {
    rooms.push(...user.departmentIds.map(queueRoom));
  }
  for (const o of user.organizations) if (o.role === "admin" || o.membersSeeAll) rooms.push(orgRoom(o.id));
  return rooms;
}

export function attachRealtime(http: HttpServer, deps: { db: () => Db; secret: string }): RealtimeServer {
  const io: RealtimeServer = new Server(http, { destroyUpgrade: false, serveClient: false });
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
    const { user } = socket.data;
    const staff = isStaff(user);
    const departmentOf = new Map<string, number>(); // tickets this socket watches → their queue
    const announcePresence = async (ticketId: string) => {
      const departmentId = departmentOf.get(ticketId);
      const people = await peopleOn(io, ticketId);
      io.to([ticketStaffRoom(ticketId), ...(departmentId !== undefined ? [queueRoom(departmentId)] : [])]).emit("presence.changed", { ticketId, people });
    };
    const setViewing = (ticketId: string, typing: boolean | null) => {
      if (typing === null) delete socket.data.viewing[ticketId];
      else socket.data.viewing[ticketId] = typing;
      void announcePresence(ticketId).catch(() => {});
    };

    socket.on("ticket.watch", async (ticketId, ack) => {
      try {
        const ticket = await findVisibleTicket(deps.db(), user, ticketIdSchema.parse(ticketId));
        await socket.join(ticketRoom(ticket.id));
        if (staff) {
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
      // Only a staff socket that joined the ticket (visibility checked then) may report presence.
      if (!staff || !socket.rooms.has(ticketStaffRoom(id))) return;
      setViewing(id, typing === true);
    });
    socket.on("presence.snapshot", async (ack) => {
      if (!staff || typeof ack !== "function") return;
      const queues = [...socket.rooms].filter((r) => r.startsWith("queue:"));
      ack(queues.length ? await presenceIn(io, queues).catch(() => ({}) as Record<string, PresencePerson[]>) : {});
    });
    socket.on("events.since", async (since, ack) => {
      if (typeof ack !== "function") return;
      const parsed = sinceSchema.safeParse(since);
      if (!parsed.success) return ack({ changes: [], latest: null });
      ack(await changesSince(deps.db(), user, parsed.data).catch(() => ({ changes: [], latest: null })));
    });
    socket.on("disconnect", () => {
      for (const id of Object.keys(socket.data.viewing)) void announcePresence(id).catch(() => {});
    });
  });
  setRealtimeServer(io);
  return io;
}
