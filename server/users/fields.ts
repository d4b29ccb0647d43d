// Field rules shared by the forms and the procedures. Messages are keys under "Validation" in
// messages/*.json, so the browser and the server show the same translated text.
import { z } from "zod";
import { locales } from "../i18n/locales";
import { lineField } from "../validation/fields";
import { PASSWORD_MAX, PASSWORD_MIN, containsPersonalInfo, isRepetitive } from "./password-rules";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Validation.email" }).max(254, { error: "Validation.email" }));
// A new password (server/users/password-policy.ts has the whole policy). The length is checked
// everywhere; the list of common passwords only where the server installed it (the browser does not
// download it: the server's answer then names the problem under the field, as for any other rule).
const serverChecks: { isCommon?: (password: string) => boolean } = {};
/** Called once by server/users/password-policy.ts. */
export const installCommonPasswordCheck = (isCommon: (password: string) => boolean) => void (serverChecks.isCommon = isCommon);

export const passwordField = z
  .string()
  .min(PASSWORD_MIN, { error: "Validation.passwordTooShort" })
  .max(PASSWORD_MAX, { error: "Validation.passwordTooLong" })
  .refine((password) => !isRepetitive(password) && !serverChecks.isCommon?.(password), { error: "Validation.passwordCommon", abort: true });

/** For a form that has the person's email and name beside the new password (registration). */
export const refusePersonalPassword =
  (fields: { password: string; email: string; name?: string }) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = value[fields.password];
    if (typeof password !== "string") return;
    const person = { email: String(value[fields.email] ?? ""), name: fields.name ? String(value[fields.name] ?? "") : undefined };
    if (containsPersonalInfo(password, person))
      ctx.addIssue({ code: "custom", path: [fields.password], message: "Validation.passwordContainsPersonalInfo" });
  };
/** One line without control characters (server/validation/fields.ts). */
export const nameField = lineField(120);
export const localeField = z.enum(locales, { error: "Validation.locale" });
export const timeZoneField = z.string().refine(isTimeZone, { error: "Validation.timeZone" });
export const phoneField = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, { error: "Validation.phone" })
  .nullable();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
