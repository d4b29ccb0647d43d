import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../../../server/trpc/router";
import { contextFromRequest } from "../../../../server/trpc/request-context";

const handler = (req: Request) =>
  fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => contextFromRequest(req.headers) });

export { handler as GET, handler as POST };
