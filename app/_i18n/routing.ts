import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "../../server/i18n/locales";

export const routing = defineRouting({ locales, defaultLocale, localePrefix: "always" });
