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
import { ticketRoom, userRoom } from "./events";

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
    socket.on("ticket.watch", async (ticketId, ack) => {
      try {
        const ticket = await findVisibleTicket(deps.db(), user, String(ticketId));
        await socket.join(ticketRoom(ticket.id));
        ack?.(true);
      } catch {
        ack?.(false);
      }
    });
    socket.on("ticket.unwatch", (ticketId) => void socket.leave(ticketRoom(String(ticketId))));
  });
  setRealtimeServer(io);
  return io;
}
