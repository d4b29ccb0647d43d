import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { messages } from "../../server/i18n/translate";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // Times are always formatted with the viewer's profile zone passed explicitly; UTC is only the fallback.
  return { locale, messages: messages[locale], timeZone: "UTC" };
});
