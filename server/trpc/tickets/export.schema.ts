import { z } from "zod";
import { exportFields } from "../../tickets/export/fields";

export const exportInput = z
  .object({
    format: z.enum(["csv", "xlsx"]),
    /** Tickets created within [from, to]: both days included, as calendar days of the viewer's zone. */
    from: z.iso.date({ error: "Validation.required" }),
    to: z.iso.date({ error: "Validation.required" }),
    fields: z.array(z.enum(exportFields)).min(1, { error: "Validation.chooseFields" }).max(exportFields.length),
  })
  .refine((v) => v.to >= v.from, { error: "Validation.dateOrder", path: ["to"] });
export type ExportInput = z.output<typeof exportInput>;
