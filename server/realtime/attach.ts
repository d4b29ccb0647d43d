// Socket.IO on the HTTP server Next also uses. The handshake must carry a valid session cookie:
// anonymous connections are refused before they connect. Each socket joins its user's room.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../db";
import { loadSessionUser, type SessionUser } from "../auth/session-user";
import { sessionIdFromCookies } from "../auth/session-cookie";
import { setRealtimeServer, type RealtimeServer } from "./emit";
import { userRoom } from "./events";

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
    void socket.join(userRoom((socket.data as SocketData).user.id));
  });
  setRealtimeServer(io);
  return io;
}
