// Which of a canned reply's bodies a ticket gets: the one in the requester's language, else the
// deployment's default language's (DEFAULT_LOCALE), else any (in the order of the locales).
import { locales, type AppLocale } from "../i18n/locales";

export interface CannedText {
  locale: AppLocale;
  body: string;
}

export function pickText(texts: CannedText[], wanted: AppLocale, fallback: AppLocale): CannedText | undefined {
  const usable = texts.filter((t) => t.body.trim());
  const by = (l: AppLocale) => usable.find((t) => t.locale === l);
  return by(wanted) ?? by(fallback) ?? locales.map(by).find(Boolean);
}
