// A typed emit reachable from anywhere in the process. Route handlers are bundled apart from the
// custom server, so the Socket.IO server is found through a globalThis symbol, not a module variable.
import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;
const KEY = Symbol.for("mesa.realtime");
type Holder = { [KEY]?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  (globalThis as Holder)[KEY] = io;
}

/** Sends to a room; a no-op when no Socket.IO server runs (scripts, unit tests). */
export function emitTo<E extends keyof ServerToClientEvents>(
  room: string,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  (globalThis as Holder)[KEY]?.to(room).emit(event, ...args);
}
