import { z } from "zod";
import { exportFields } from "../../tickets/export/fields";
import { zAsyncIterable } from "../async-iterable";
import { dayField } from "../../validation/fields";

export const exportInput = z
  .object({
    format: z.enum(["csv", "xlsx"]),
    /** Tickets created within [from, to]: both days included, as calendar days of the viewer's zone. */
    from: dayField(),
    to: dayField(),
    fields: z.array(z.enum(exportFields)).min(1, { error: "Validation.chooseFields" }).max(exportFields.length),
  })
  .refine((v) => v.to >= v.from, { error: "Validation.dateOrder", path: ["to"] });
export type ExportInput = z.output<typeof exportInput>;

/** The export streams: first what the file is (and how many tickets it holds), then its bytes in
 * base64 pieces, each with the rows it adds (for the progress). */
export const exportChunkOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), total: z.number().int(), filename: z.string(), mime: z.string() }),
  z.object({ kind: z.literal("data"), base64: z.string(), rows: z.number().int() }),
]);
export const exportOutput = zAsyncIterable(exportChunkOutput);
