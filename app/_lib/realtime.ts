"use client";
// One Socket.IO connection per tab (the session cookie authenticates it), reconnecting by itself
// after network blips; ticket changes flow through a ChangeFeed so that what happened while the tab
// was offline arrives after the reconnect, once. Hooks listen while a component is mounted.
import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, TicketChange } from "../../server/realtime/events";
import { ChangeFeed } from "./change-feed";

type MesaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let socket: MesaSocket | undefined;
let feed: ChangeFeed | undefined;

export function realtimeSocket(): MesaSocket {
  socket ??= io({ withCredentials: true, reconnection: true, reconnectionDelayMax: 10_000 });
  return socket;
}

function changeFeed(): ChangeFeed {
  feed ??= new ChangeFeed(realtimeSocket());
  return feed;
}

export function useRealtimeEvent<E extends Exclude<keyof ServerToClientEvents, "ticket.changed">>(
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const s = realtimeSocket();
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)) as never;
    s.on(event, listener);
    return () => void s.off(event, listener);
  }, [event]);
}

/** Every ticket change this person may see, live or caught up after a reconnect, each once. */
export function useTicketChanges(handler: (change: TicketChange) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => changeFeed().subscribe((change) => latest.current(change)), []);
}
