// Form rules for a canned reply (pure zod, shared by the browser and the procedures): its
// shortcut (what follows "::" in the reply box), title, who shares it, a body per language, and
// what it also does as a macro.
import { z } from "zod";
import { priorities } from "../domain/priority-rules";
import { locales, type AppLocale } from "../i18n/locales";
import { cleanString, coercedSerialIdField, lineField, optionalTextField, serialIdField } from "../validation/fields";

/** Personal (its owner's), a department's (its agents'), or everyone's. */
export const cannedScopes = ["personal", "department", "everyone"] as const;
export type CannedScope = (typeof cannedScopes)[number];

/** Statuses a macro may set alongside its reply. */
export const macroStatuses = ["open", "pending_customer", "on_hold", "resolved", "closed"] as const;
export const MAX_CANNED_BODY = 10_000;
export const MAX_MACRO_TAGS = 10;
/** As server/tickets/tags.ts's tagNameMax (that file is not for the browser). */
const TAG_MAX = 40;

/** Lower-case letters (accents too), digits, "-" and "_": "saludo", "pedir-datos", "cierre_2". */
export const shortcutField = cleanString()
  .toLowerCase()
  .min(1, { error: "Validation.required" })
  .max(40, { error: "Validation.tooLong" })
  .regex(/^[\p{Ll}\p{Lo}\p{Nd}][\p{Ll}\p{Lo}\p{Nd}_-]*$/u, { error: "Validation.cannedShortcut" });

const textsShape = Object.fromEntries(locales.map((l) => [l, optionalTextField(MAX_CANNED_BODY).optional().default("")])) as Record<
  AppLocale,
  z.ZodDefault<z.ZodOptional<ReturnType<typeof optionalTextField>>>
>;

const base = z.object({
  shortcut: shortcutField,
  title: lineField(80),
  scope: z.enum(cannedScopes, { error: "Validation.invalid" }),
  departmentId: coercedSerialIdField().nullable().default(null),
  texts: z.object(textsShape),
  setStatus: z.enum(macroStatuses, { error: "Validation.invalid" }).nullable().default(null),
  setPriority: z.enum(priorities, { error: "Validation.invalid" }).nullable().default(null),
  addTags: z
    .array(cleanString().min(1, { error: "Validation.required" }).max(TAG_MAX, { error: "Validation.tooLong" }))
    .max(MAX_MACRO_TAGS, { error: "Validation.cannedTags" })
    .default([]),
});

function complete(v: z.output<typeof base>, ctx: z.RefinementCtx) {
  if (!locales.some((l) => v.texts[l].trim())) ctx.addIssue({ code: "custom", path: ["texts"], message: "Validation.cannedText" });
  if (v.scope === "department" && v.departmentId === null)
    ctx.addIssue({ code: "custom", path: ["departmentId"], message: "Validation.required" });
}

export const cannedFields = base.superRefine(complete);
export type CannedFields = z.output<typeof cannedFields>;
export const cannedUpdateFields = base.extend({ id: serialIdField }).superRefine(complete);
