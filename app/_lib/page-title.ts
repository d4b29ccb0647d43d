// Page titles that say where one is: "<page> — Mesa", "TK-000042 · La web no carga — Mesa".
// `export const generateMetadata = titled("Profile.title")` in a page. The suffix is written by each
// page (no layout template), as the admin pages that build their own titles do too.
import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "../_i18n/routing";

/** "Mis Tickets" → "Mis Tickets — Mesa". */
export const pageTitle = (where: string) => `${where} — Mesa`;

export const pageLocale = (locale: string) => (hasLocale(routing.locales, locale) ? locale : routing.defaultLocale);

type MessageKey = Parameters<Awaited<ReturnType<typeof getTranslations<never>>>>[0];

export function titled(key: MessageKey) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale: pageLocale(locale) });
    return { title: pageTitle(t(key)) };
  };
}
