"use client";
// The signed-in person's profile as the interface shows it, kept current live: a change made in
// another tab or device arrives over Socket.IO and updates this one without reload.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../_lib/trpc";
import { useRealtimeEvent } from "../_lib/realtime";
import type { Viewer } from "../_lib/viewer";

export function useLiveProfile(initial: Viewer) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({ ...trpc.profile.get.queryOptions(), initialData: initial });
  useRealtimeEvent("profile.updated", (change) => {
    queryClient.setQueryData(trpc.profile.get.queryKey(), (old) =>
      old ? { ...old, ...change, locale: change.locale as Viewer["locale"] } : old,
    );
  });
  return query.data;
}

export function LiveUserName({ initial }: { initial: Viewer }) {
  const profile = useLiveProfile(initial);
  return (
    <span data-testid="viewer-name" className="truncate text-sm font-medium">
      {profile.name}
    </span>
  );
}
