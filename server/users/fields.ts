// Field rules shared by the forms and the procedures. Messages are keys under "Validation" in
// messages/*.json, so the browser and the server show the same translated text.
import { z } from "zod";
import { locales } from "../i18n/locales";

export const emailField = z.string().trim().toLowerCase().pipe(z.email({ error: "Validation.email" }).max(254, { error: "Validation.email" }));
export const passwordField = z
  .string()
  .min(8, { error: "Validation.passwordTooShort" })
  .max(200, { error: "Validation.passwordTooLong" });
export const nameField = z.string().trim().min(1, { error: "Validation.required" }).max(120, { error: "Validation.tooLong" });
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
