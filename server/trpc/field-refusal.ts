// A refusal of one field that only a procedure can decide (it depends on who calls), shaped like a
// schema's so every client shows it beside the field.
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";

export const fieldRefusal = (field: string, message: `Validation.${string}`) =>
  new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]) });
