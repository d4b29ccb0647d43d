import { z } from "zod";
import { priorities } from "../../domain/priority-rules";
import { statuses, statusTabs } from "../../domain/state-machine";

export const ticketTabs = Object.keys(statusTabs) as (keyof typeof statusTabs)[];
/** "sla": the next SLA deadline first (staff; tickets without a running clock last). */
export const sortFields = ["created", "updated", "status", "sla"] as const;
export const queueViews = ["unassigned", "mine", "sla", "all"] as const;

/** Mis Tickets' state; the page keeps it in the URL. */
export const listTicketsInput = z.object({
  /** The agent queue's views ("sla": at risk or breached); partners use "all". */
  view: z.enum(queueViews).default("all"),
  tab: z.enum(ticketTabs as [keyof typeof statusTabs, ...(keyof typeof statusTabs)[]]).default("open"),
  q: z.string().trim().max(200).default(""),
  status: z.array(z.enum(statuses)).max(statuses.length).default([]),
  priority: z.array(z.enum(priorities)).max(priorities.length).default([]),
  departmentId: z.array(z.coerce.number().int().positive()).max(50).default([]),
  sort: z.enum(sortFields).default("updated"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.uuid().nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsInput = z.output<typeof listTicketsInput>;
