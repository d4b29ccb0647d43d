// Translation outside React (errors, emails), from the same messages/*.json the interface uses.
import { createTranslator } from "next-intl";
import en from "../../messages/en.json" with { type: "json" };
import es from "../../messages/es.json" with { type: "json" };
import fr from "../../messages/fr.json" with { type: "json" };
import pt from "../../messages/pt.json" with { type: "json" };
import type { AppLocale } from "./locales";

export const messages = { en, es, fr, pt } satisfies Record<AppLocale, typeof en>;
export type Messages = typeof en;

/** `t("Errors.forbidden")`, `t("Email.activation.subject", { name })` in the given locale; dates in
 * `timeZone` (a person's; UTC when no one's is known). */
export function translator(locale: AppLocale, timeZone = "UTC"): Translate {
  const key = `${locale} ${timeZone}`;
  let translate = translators.get(key);
  if (!translate) {
    const t = createTranslator({ locale, messages: messages[locale], timeZone });
    translate = (key, values) => t(key as never, values as never);
    translators.set(key, translate);
  }
  return translate;
}

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
// One translator per language and zone for the process: making one costs ≈ 0.6 ms (it compiles the
// messages it formats, and keeps them), and mails, exports and errors ask for one per recipient,
// row or refusal. The messages never change while the process runs.
const translators = new Map<string, Translate>();
