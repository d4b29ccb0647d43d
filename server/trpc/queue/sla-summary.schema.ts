// What queue.slaSummary answers: the queue's alert line (counts only).
import { z } from "zod";

export const slaSummaryOutput = z.object({
  /** Past 80 % of their next SLA target, not yet past it. */
  atRisk: z.number().int(),
  /** Past their next SLA target. */
  breached: z.number().int(),
});
