// The header of the signed-in areas: brand, navigation, language, theme, the person and sign-out.
// On a phone everything but the brand and Mis Tickets folds into a menu.
import { getTranslations } from "next-intl/server";
import { Link } from "../_i18n/navigation";
import type { Viewer } from "../_lib/viewer";
import { LanguageSwitcher } from "./language-switcher";
import { LiveUserName } from "./live-profile";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export async function AppHeader({ viewer, area }: { viewer: Viewer; area: "portal" | "agent" | "admin" }) {
  const t = await getTranslations("Nav");
  const link = "block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800";
  const nav = (
    <nav aria-label={t("main")} className="flex flex-col gap-1 md:flex-row md:items-center">
      {viewer.canAccessTicketing && area !== "agent" && (
        <Link href="/tickets" className={`${link} font-medium`}>
          {t("myTickets")}
        </Link>
      )}
      {/* In the agent area the desk's own row (agent/agent-nav.tsx) leads to the queue. */}
      {viewer.isStaff && area !== "agent" && (
        <Link href="/agent" className={link}>
          {t("agentArea")}
        </Link>
      )}
      {area === "agent" && viewer.canAccessTicketing && (
        <Link href="/tickets" className={link}>
          {t("portal")}
        </Link>
      )}
      <Link href="/help" className={link}>
        {t("helpCentre")}
      </Link>
      {viewer.organizations.some((o) => o.role === "admin") && (
        <Link href="/organization" className={link}>
          {t("organization")}
        </Link>
      )}
      {viewer.role === "admin" && (
        <Link href="/admin" className={link}>
          {t("admin")}
        </Link>
      )}
      <Link href="/profile" className={link}>
        {t("profile")}
      </Link>
    </nav>
  );
  const tools = (
    <div className="flex flex-wrap items-center gap-2">
      <LanguageSwitcher signedIn />
      <ThemeToggle />
      <SignOutButton />
    </div>
  );
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-2">
        <Link href="/" className="text-lg font-semibold text-brand-700 dark:text-brand-500">
          Mesa
          {area !== "portal" && (
            <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">
              {t(area === "agent" ? "agentArea" : "admin")}
            </span>
          )}
        </Link>
        <div className="hidden flex-1 items-center justify-between gap-4 md:flex">
          {nav}
          <div className="flex items-center gap-3">
            <LiveUserName initial={viewer} />
            {tools}
          </div>
        </div>
        {/* On a phone, Mis Tickets stays one tap away, outside the menu. */}
        {viewer.canAccessTicketing && area !== "agent" && (
          <Link
            href="/tickets"
            className="ml-auto rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 md:hidden dark:hover:bg-slate-800"
          >
            {t("myTickets")}
          </Link>
        )}
        <details className={`relative md:hidden ${viewer.canAccessTicketing && area !== "agent" ? "" : "ml-auto"}`}>
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
            {t("menu")}
          </summary>
          <div className="absolute right-0 z-30 mt-2 flex w-72 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xl dark:border-slate-700 dark:bg-slate-900">
            <LiveUserName initial={viewer} />
            {nav}
            {tools}
          </div>
        </details>
      </div>
    </header>
  );
}
