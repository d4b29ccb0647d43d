// A typed emit reachable from anywhere in the process. Route handlers are bundled apart from the
// custom server, so the Socket.IO server is found through a globalThis symbol, not a module variable.
import type { Server } from "socket.io";
import { userRoom, type ClientToServerEvents, type ServerToClientEvents } from "./events";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;
const KEY = Symbol.for("mesa.realtime");
type Holder = { [KEY]?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  (globalThis as Holder)[KEY] = io;
}

/** The Socket.IO server of this process, if one runs. */
export function realtimeServer(): RealtimeServer | undefined {
  return (globalThis as Holder)[KEY];
}

/** Sends to a room, or to several (each socket once); a no-op when no Socket.IO server runs
 * (scripts, unit tests). */
export function emitTo<E extends keyof ServerToClientEvents>(
  room: string | string[],
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  (globalThis as Holder)[KEY]?.to(room).emit(event, ...args);
}

/** Like emitTo, leaving out the sockets of `except` rooms (they heard it another way). */
export function emitExcept<E extends keyof ServerToClientEvents>(
  room: string[],
  except: string[],
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  (globalThis as Holder)[KEY]?.to(room)
    .except(except)
    .emit(event, ...args);
}

/** Closes the live connections of sessions that no longer exist (sign-out, password change). */
export async function disconnectSessions(userId: string, keep?: (sessionId: string) => boolean): Promise<void> {
  const io = (globalThis as Holder)[KEY];
  if (!io) return;
  for (const socket of await io.in(userRoom(userId)).fetchSockets()) {
    const source = (socket.data as { user?: { source: { kind: string; sessionId?: string } } }).user?.source;
    const sessionId = source?.kind === "session" ? source.sessionId : undefined;
    if (sessionId && !keep?.(sessionId)) socket.disconnect(true);
  }
}
