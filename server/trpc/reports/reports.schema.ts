// What the reports procedures take: calendar days in the viewer's zone and an optional department.
import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Validation.invalid");

export const reportFilterInput = z.object({
  from: day,
  to: day,
  departmentId: z.number().int().positive().nullish(),
});

const count = z.number().int();
const attainment = z.object({ measured: count, met: count, breached: count, percent: z.number().nullable() });
const attainmentRow = z.object({ key: z.string(), label: z.string(), firstResponse: attainment, resolution: attainment });
const median = z.object({ minutes: z.number().nullable(), tickets: count });

export const reportsOverviewOutput = z.object({
  volume: z.array(z.object({ day: z.string(), created: count, solved: count })),
  backlog: z.array(z.object({ status: z.enum(["new", "open", "pending_customer", "on_hold", "reopened"]), count })),
  sla: z.object({ byPriority: z.array(attainmentRow), byDepartment: z.array(attainmentRow) }),
  medianTimes: z.object({ firstResponse: median, resolution: median }),
  csat: z.object({
    count,
    average: z.number().nullable(),
    distribution: z.array(z.object({ stars: count, count })),
    comments: z.array(z.object({ ticketNumber: count, stars: count, comment: z.string(), at: z.date() })),
  }),
  workload: z.array(z.object({ assigneeId: z.string(), name: z.string(), open: count, solved: count })),
});

export const reportDepartmentsOutput = z.array(z.object({ id: z.number().int(), name: z.string() }));
