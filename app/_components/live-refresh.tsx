"use client";
// Keeps server-rendered ticket pages current: when the server announces a change to a ticket this
// page shows (or, on lists, to any ticket of this person), the page re-renders with fresh data.
// After a lost connection the page refreshes once, so nothing missed in between stays stale.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { realtimeSocket, useRealtimeEvent } from "../_lib/realtime";

function useRefresh() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Bursts (a reply that also changes the status) refresh once.
  return () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries();
      router.refresh();
    }, 150);
  };
}

export function LiveTicket({ ticketId }: { ticketId: string }) {
  const refresh = useRefresh();
  useEffect(() => {
    const socket = realtimeSocket();
    const watch = () => socket.emit("ticket.watch", ticketId, () => {});
    let connectedBefore = socket.connected;
    const onConnect = () => {
      watch();
      if (connectedBefore) refresh(); // a reconnect: catch up on what happened meanwhile
      connectedBefore = true;
    };
    if (socket.connected) watch();
    socket.on("connect", onConnect);
    return () => {
      socket.off("connect", onConnect);
      socket.emit("ticket.unwatch", ticketId);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh is stable in effect
  }, [ticketId]);
  useRealtimeEvent("ticket.changed", (change) => {
    if (change.ticketId === ticketId) refresh();
  });
  return null;
}

export function LiveTicketList() {
  const refresh = useRefresh();
  useRealtimeEvent("ticket.changed", () => refresh());
  return null;
}
