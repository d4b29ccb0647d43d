// Sign-in, registration and password pages: a centred card with the language switcher.
import type { ReactNode } from "react";
import { LanguageSwitcher } from "../../_components/language-switcher";
import { ThemeToggle } from "../../_components/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <div className="flex items-center justify-between px-4 py-3">
        <span className="text-lg font-semibold text-brand-700 dark:text-brand-500">Mesa</span>
        <div className="flex items-center gap-2">
          <LanguageSwitcher signedIn={false} />
          <ThemeToggle />
        </div>
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 sm:pt-16">
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {children}
        </div>
      </main>
    </div>
  );
}
