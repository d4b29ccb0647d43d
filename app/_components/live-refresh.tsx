"use client";
// Keeps server-rendered ticket pages current: when a change to a ticket this page shows (or, on
// lists, to any ticket of this person) arrives — live, or caught up after a lost connection — the
// page re-renders with fresh data. Bursts (a reply that also changes the status) refresh once.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { realtimeSocket, useTicketChanges } from "../_lib/realtime";

function useRefresh() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
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
    // Rooms are per connection: join again after every reconnect.
    const watch = () => socket.emit("ticket.watch", ticketId, () => {});
    if (socket.connected) watch();
    socket.on("connect", watch);
    return () => {
      socket.off("connect", watch);
      socket.emit("ticket.unwatch", ticketId);
    };
  }, [ticketId]);
  useTicketChanges((change) => {
    if (change.ticketId === ticketId) refresh();
  });
  return null;
}

export function LiveTicketList() {
  const refresh = useRefresh();
  useTicketChanges(() => refresh());
  return null;
}
