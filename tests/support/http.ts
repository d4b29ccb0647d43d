// Calls the API the way a browser does: HTTP requests through the real route handler
// (app/api/trpc/[trpc]/route.ts), with the session cookie next-auth would set. The database is
// the process-wide one, so call useDatabase() first.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { GET, POST } from "../../app/api/trpc/[trpc]/route";
import { setDatabase } from "../../server/db";
import type { OpenedDatabase } from "../../server/db/open";
import type { AppRouter } from "../../server/trpc/router";

export const useDatabase = (opened: OpenedDatabase | undefined) => setDatabase(opened);

export { sessionCookie } from "./cookie";

export function httpClient(headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://mesa.test/api/trpc",
        transformer: superjson,
        headers,
        fetch: async (input, init) => {
          const request = new Request(input as string, init as RequestInit);
          return request.method === "GET" ? GET(request) : POST(request);
        },
      }),
    ],
  });
}
