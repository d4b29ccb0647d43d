// Socket.IO on the HTTP server Next also uses. The handshake must carry a valid session cookie:
// anonymous connections are refused before they connect. Each socket joins its user's room; a
// ticket's room only after the visibility rule says this person may see that ticket.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../db";
import { loadSessionUser, type SessionUser } from "../auth/session-user";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { setRealtimeServer, type RealtimeServer } from "./emit";
import { findVisibleTicket } from "../tickets/find-visible";
import { isStaff } from "../auth/session-user";
import { ticketRoom, ticketStaffRoom, userRoom } from "./events";
import { dropSocket, peopleOn, setPresence } from "./presence";

export interface SocketData {
  user: SessionUser;
}

export function attachRealtime(http: HttpServer, deps: { db: () => Db; secret: string }): RealtimeServer {
  const io: RealtimeServer = new Server(http, { destroyUpgrade: false, serveClient: false });
  io.use(async (socket, next) => {
    try {
      const sid = await sessionIdFromCookies(socket.handshake.headers.cookie, deps.secret);
      const user = sid ? await loadSessionUser(deps.db(), sid, new Date()) : null;
      if (!user) return next(new Error("unauthenticated"));
      (socket.data as SocketData).user = user;
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  io.on("connection", (socket) => {
    const { user } = socket.data as SocketData;
    void socket.join(userRoom(user.id));
    const staff = isStaff(user);
    const announcePresence = (ticketId: string) => io.to(ticketStaffRoom(ticketId)).emit("presence.changed", { ticketId, people: peopleOn(ticketId) });
    socket.on("ticket.watch", async (ticketId, ack) => {
      try {
        const ticket = await findVisibleTicket(deps.db(), user, String(ticketId));
        await socket.join(ticketRoom(ticket.id));
        if (staff) {
          await socket.join(ticketStaffRoom(ticket.id));
          setPresence(ticket.id, socket.id, { userId: user.id, name: user.name, typing: false });
          announcePresence(ticket.id);
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
      setPresence(id, socket.id, null);
      announcePresence(id);
    });
    socket.on("presence.typing", (ticketId, typing) => {
      const id = String(ticketId);
      // Only a staff socket that joined the ticket (visibility checked then) may report presence.
      if (!staff || !socket.rooms.has(ticketStaffRoom(id))) return;
      setPresence(id, socket.id, { userId: user.id, name: user.name, typing: typing === true });
      announcePresence(id);
    });
    socket.on("disconnect", () => {
      for (const id of dropSocket(socket.id)) announcePresence(id);
    });
  });
  setRealtimeServer(io);
  return io;
}
