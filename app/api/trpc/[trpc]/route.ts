import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../../../server/trpc/router";
import { contextFromRequest } from "../../../../server/trpc/request-context";
import { MAX_BATCH_SIZE } from "./batch-limit";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) => contextFromRequest(req.headers, resHeaders),
  });

export { handler as GET, handler as POST };
