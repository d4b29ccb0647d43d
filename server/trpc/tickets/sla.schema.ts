// What tickets.sla answers: both clocks with their explained segments, the calendar they run on and
// the alerts recorded so far; null when the ticket's priority has no SLA policy.
import { z } from "zod";
import { TicketEventKind } from "../../db/generated/enums";
import { statuses } from "../../domain/state-machine";

const clockOutput = z.object({
  elapsedMs: z.number(),
  targetMs: z.number(),
  state: z.enum(["running", "paused", "near_breach", "breached", "met"]),
  stopped: z.boolean(),
  nearAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  segments: z.array(z.object({ from: z.date(), to: z.date(), status: z.enum(statuses), counted: z.boolean(), businessMs: z.number() })),
});

export const ticketSlaOutput = z
  .object({
    calendar: z.object({
      name: z.string(),
      timeZone: z.string(),
      workingDays: z.array(z.number().int()),
      startTime: z.string(),
      endTime: z.string(),
      holidayCountry: z.string().nullable(),
      holidayRegion: z.string().nullable(),
      extraHolidays: z.array(z.string()),
    }),
    clocks: z.object({ first_response: clockOutput, resolution: clockOutput }),
    alerts: z.array(z.object({ kind: z.enum(TicketEventKind), detail: z.string().nullable(), createdAt: z.date() })),
  })
  .nullable();
