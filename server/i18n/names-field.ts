// Form rules for a thing named per language (pure zod, shared by the browser and the procedures):
// one optional text per locale, the deployment's default language's required — that one is the
// row's `name`, the others its translations (server/i18n/localized.ts).
import { z } from "zod";
import { cleanString } from "../validation/fields";
import { locales, type AppLocale } from "./locales";

export type Names = Partial<Record<AppLocale, string>>;

const one = (max: number, multiLine: boolean) =>
  cleanString({ multiLine }).max(max, { error: "Validation.tooLong" }).optional().default("");

/** `{es, en, pt, fr}`; `required` (DEFAULT_LOCALE) may not be empty, unless `optional`. */
export function namesField(required: AppLocale, max = 80, { multiLine = false, optional = false } = {}) {
  const shape = Object.fromEntries(locales.map((l) => [l, one(max, multiLine)])) as Record<AppLocale, ReturnType<typeof one>>;
  return z.object(shape).superRefine((names, ctx) => {
    if (!optional && !names[required]) ctx.addIssue({ code: "custom", path: [required], message: "Validation.required" });
  });
}

/** "Soporte Técnico" → "soporte-tecnico": lower case, no accents, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** An optional slug: empty means "from the name". */
export const slugField = z
  .string()
  .trim()
  .max(60, { error: "Validation.tooLong" })
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: "Validation.slug" })
  .default("");
