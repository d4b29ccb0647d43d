// Every page URL carries its locale. `/` and unprefixed paths are redirected to the visitor's
// language: the NEXT_LOCALE cookie (set on sign-in and by the language switcher, from the profile),
// else Accept-Language among es/en/pt/fr, else English.
import createMiddleware from "next-intl/middleware";
import { routing } from "./app/_i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|socket\\.io|.*\\..*).*)"],
};
