// Page titles that say where one is: "<page> — Mesa" (the locale layout's template adds " — Mesa").
// `export const generateMetadata = titled("Profile.title")` in a page.
import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "../_i18n/routing";

export const TITLE_TEMPLATE = "%s — Mesa";

export const pageLocale = (locale: string) => (hasLocale(routing.locales, locale) ? locale : routing.defaultLocale);

type MessageKey = Parameters<Awaited<ReturnType<typeof getTranslations<never>>>>[0];

export function titled(key: MessageKey) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale: pageLocale(locale) });
    return { title: t(key) };
  };
}
