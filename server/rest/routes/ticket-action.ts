// What the operations on one ticket share: the `{id}` path parameter (uuid or TK-number) and, for an
// action (close, reopen, watchers, support's changes), running the procedure and answering the
// ticket as it now is.
import { z } from "zod";
import type { RestCall, RestRoute } from "../route";
import { ticketShape, toTicket } from "../shapes";

export const ticketParams = z.object({ id: z.string().min(1).max(64).describe("The ticket's id (uuid) or its number, TK-000042") });

export const ticketAnswer = async (call: RestCall) => ({
  status: 200,
  body: toTicket(await call.api.tickets.get({ ticket: call.params.id! }), call.origin),
});

type ActionSpec = Pick<RestRoute, "path" | "operationId" | "summary" | "description" | "tag" | "staffOnly" | "body" | "errors"> & {
  method?: "POST" | "DELETE";
  params?: z.ZodObject;
  run(call: RestCall): Promise<unknown>;
};

export const ticketAction = ({ run, method = "POST", params = ticketParams, ...spec }: ActionSpec): RestRoute => ({
  ...spec,
  method,
  params,
  success: { status: 200, description: "The ticket, as it now is", schema: ticketShape },
  renames: { ticket: "id", userId: "user", assigneeId: "assignee", departmentId: "department" },
  async handle(call) {
    await run(call);
    return ticketAnswer(call);
  },
});
