// The header of the public pages (the help centre read signed out): brand, the help centre, language,
// theme and "Iniciar sesión" (which comes back to the same page).
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "../_i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { SignInLink } from "./sign-in-link";
import { ThemeToggle } from "./theme-toggle";

export async function PublicHeader() {
  const t = await getTranslations("Help");
  const tNav = await getTranslations("Nav");
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/help" className="text-lg font-semibold text-brand-700 dark:text-brand-500">
          Mesa
        </Link>
        <nav aria-label={tNav("main")} className="flex items-center">
          <Link href="/help" className="rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            {t("title")}
          </Link>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <LanguageSwitcher signedIn={false} />
          <ThemeToggle />
          <Suspense>
            <SignInLink className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800" />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
