import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../server/trpc/router";

export type TicketDetail = inferRouterOutputs<AppRouter>["tickets"]["get"];
export type ThreadMessage = TicketDetail["messages"][number];
