// What tickets.requesterTickets answers: the requester's other tickets this agent may see.
import { z } from "zod";
import { priorities } from "../../domain/priority-rules";
import { statuses } from "../../domain/state-machine";
import { id, personRef } from "../outputs";

export const requesterTicketsOutput = z.object({
  requester: personRef,
  /** How many there are (the list shows the most recent ones). */
  total: z.number().int(),
  items: z.array(
    z.object({
      id,
      reference: z.string(),
      subject: z.string(),
      status: z.enum(statuses),
      priority: z.enum(priorities),
      updatedAt: z.date(),
    }),
  ),
});
