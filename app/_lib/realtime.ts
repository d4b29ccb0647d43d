"use client";
// One Socket.IO connection per tab (the session cookie authenticates it), reconnecting by itself
// after network blips, and a hook to listen to one event while a component is mounted.
import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/realtime/events";

type MesaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let socket: MesaSocket | undefined;

export function realtimeSocket(): MesaSocket {
  socket ??= io({ withCredentials: true, reconnection: true, reconnectionDelayMax: 10_000 });
  return socket;
}

export function useRealtimeEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const s = realtimeSocket();
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as never;
    s.on(event, listener);
    return () => void s.off(event, listener);
  }, [event]);
}
