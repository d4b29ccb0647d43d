import { agentProcedure } from "../init";
import { visibleTicketsWhere } from "../../access/visibility";
import { slaSummaryOutput } from "./sla-summary.schema";

/** How many of the tickets this agent may see are past 80 % of their next SLA target, and how many
 * are past it: the queue's alert line. */
export const slaSummary = agentProcedure.output(slaSummaryOutput).query(async ({ ctx }) => {
  const visible = visibleTicketsWhere(ctx.user);
  const [atRisk, breached] = await Promise.all([
    ctx.db.ticket.count({
      where: { AND: [visible, { slaNearAt: { lte: ctx.now } }, { OR: [{ slaDueAt: null }, { slaDueAt: { gt: ctx.now } }] }] },
    }),
    ctx.db.ticket.count({ where: { AND: [visible, { slaDueAt: { lte: ctx.now } }] } }),
  ]);
  return { atRisk, breached };
});
