// One ticket for a page, read once per request: the page's title (generateMetadata) and its body
// share the read. A ticket the viewer may not see is "not found", like one that does not exist.
import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { serverCaller } from "../../_lib/viewer";

const hidden = (error: unknown) => error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN");

/** The ticket, or null when it does not exist or is not the viewer's to see. */
export const findTicket = cache(async (reference: string) => {
  const caller = await serverCaller();
  return caller.tickets.get({ ticket: reference }).catch((error: unknown) => {
    if (hidden(error)) return null;
    throw error;
  });
});
