"use client";
// Light / dark, remembered per browser; follows the system until chosen.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useHydrated } from "../_lib/use-hydrated";

export function ThemeToggle() {
  const t = useTranslations("Nav");
  const [dark, setDark] = useState<boolean | null>(null);
  const hydrated = useHydrated();
  // The inline script set the class before paint; apply the saved choice again after hydration in
  // case React re-rendered <html> (a recovered hydration mismatch re-creates its attributes).
  useEffect(() => {
    const saved = localStorage.getItem("mesa-theme");
    if (saved) document.documentElement.classList.toggle("dark", saved === "dark");
    setDark(document.documentElement.classList.contains("dark"));
  }, []);

  function toggle() {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    localStorage.setItem("mesa-theme", next ? "dark" : "light");
    setDark(next);
  }

  return (
    <button
      type="button"
      onClick={toggle}
      disabled={!hydrated}
      aria-label={`${t("theme")}: ${dark ? t("themeDark") : t("themeLight")}`}
      aria-pressed={dark ?? undefined}
      className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-hidden>{dark ? "☾" : "☀"}</span>
    </button>
  );
}
