"use client";
// The queue's viewer markers: which support people are on which ticket right now. A snapshot when
// the socket (re)connects, then every presence change of the agent's queues.
import { useEffect, useState } from "react";
import type { PresencePerson } from "../../../server/realtime/events";
import { realtimeSocket, useRealtimeEvent } from "../../_lib/realtime";

export function useQueuePresence(enabled: boolean): Record<string, PresencePerson[]> {
  const [presence, setPresence] = useState<Record<string, PresencePerson[]>>({});
  useEffect(() => {
    if (!enabled) return;
    const socket = realtimeSocket();
    const snapshot = () => socket.emit("presence.snapshot", (all) => setPresence(all));
    if (socket.connected) snapshot();
    socket.on("connect", snapshot);
    return () => void socket.off("connect", snapshot);
  }, [enabled]);
  useRealtimeEvent("presence.changed", ({ ticketId, people }) => {
    if (enabled) setPresence((current) => ({ ...current, [ticketId]: people }));
  });
  return presence;
}
