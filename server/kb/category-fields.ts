// Field rules of the help-centre category form, shared by the browser and the procedures: a name
// per language, the deployment's default language's required (the others fall back to it).
import { z } from "zod";
import type { AppLocale } from "../i18n/locales";
import { locales } from "../i18n/locales";
import { isCleanText, serialIdField } from "../validation/fields";

export const MAX_CATEGORY_NAME = 80;

const nameField = z
  .string({ error: "Validation.invalid" })
  .trim()
  .max(MAX_CATEGORY_NAME, { error: "Validation.tooLong" })
  .refine((v) => isCleanText(v), { error: "Validation.invalidCharacters" })
  .optional();

const namesShape = z.object(Object.fromEntries(locales.map((l) => [l, nameField])) as Record<AppLocale, typeof nameField>);

type LocaleSource = AppLocale | (() => AppLocale);

/** The default language's name is the one required: its path is names.<locale>. */
function requireDefaultName<T extends z.ZodType<{ names: Partial<Record<AppLocale, string | undefined>> }>>(
  schema: T,
  defaultLocale: LocaleSource,
): T {
  return schema.superRefine((value, ctx) => {
    const required = typeof defaultLocale === "function" ? defaultLocale() : defaultLocale;
    if (!value.names[required]) ctx.addIssue({ code: "custom", path: ["names", required], message: "Validation.required" });
  }) as unknown as T;
}

/** `defaultLocale`: the language whose name is required (DEFAULT_LOCALE; the server passes its own). */
export const categoryFields = (defaultLocale: LocaleSource) => requireDefaultName(z.object({ names: namesShape }), defaultLocale);
export const categoryUpdateFields = (defaultLocale: LocaleSource) =>
  requireDefaultName(z.object({ id: serialIdField, names: namesShape }), defaultLocale);

export type CategoryNames = Partial<Record<AppLocale, string>>;
