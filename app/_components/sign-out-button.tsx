"use client";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useHydrated } from "../_lib/use-hydrated";

export function SignOutButton() {
  const t = useTranslations("Common");
  const locale = useLocale();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => void signOut({ callbackUrl: `/${locale}/login` })}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {t("signOut")}
    </button>
  );
}
