"use client";
// Query cache, tRPC client and the realtime connection, once per tab.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink } from "@trpc/client";
import { useLocale } from "next-intl";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "../../server/trpc/router";
import { TRPCProvider } from "../_lib/trpc";
import { MAX_BATCH_SIZE } from "../api/trpc/[trpc]/batch-limit";

export function Providers({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  // Errors come back in the language of the page that asked.
  const headers = () => ({ "x-mesa-locale": document.documentElement.lang || locale });
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Exports stream their file in chunks; everything else is batched as usual.
        splitLink({
          condition: (op) => op.path === "tickets.export",
          // No batch larger than the server takes (it refuses those whole).
          true: httpBatchStreamLink({ url: "/api/trpc", transformer: superjson, headers, maxItems: MAX_BATCH_SIZE }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, headers, maxItems: MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
