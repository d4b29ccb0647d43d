// SLA targets in business minutes: positive whole minutes up to a year, the first response no later
// than the resolution.
import { z } from "zod";
import { priorities } from "../../domain/priority-rules";
import { priorityField } from "../../validation/fields";

/** A year of minutes: a larger target is a typing mistake. */
export const MAX_SLA_MINUTES = 525_600;

const minutesField = z
  .number({ error: "Validation.minutes" })
  .int({ error: "Validation.minutes" })
  .min(1, { error: "Validation.minutes" })
  .max(MAX_SLA_MINUTES, { error: "Validation.minutes" });

const isMinutes = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_SLA_MINUTES;

export const setSlaPolicyInput = z
  .object({ priority: priorityField, firstResponseMinutes: minutesField, resolutionMinutes: minutesField })
  .refine((v) => v.firstResponseMinutes <= v.resolutionMinutes, {
    path: ["firstResponseMinutes"],
    error: "Validation.slaOrder",
    when: (payload) => {
      const v = payload.value as { firstResponseMinutes?: unknown; resolutionMinutes?: unknown } | null;
      return isMinutes(v?.firstResponseMinutes) && isMinutes(v?.resolutionMinutes);
    },
  });

/** One priority's targets in business minutes; null: no policy stored (its tickets run no SLA clock). */
export const slaPolicyOutput = z.object({
  priority: z.enum(priorities),
  firstResponseMinutes: z.number().int().nullable(),
  resolutionMinutes: z.number().int().nullable(),
});
export const slaPoliciesOutput = z.array(slaPolicyOutput);
