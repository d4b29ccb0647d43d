"use client";
// Light / dark, remembered per browser; follows the system until chosen.
import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";
import { useHydrated } from "../_lib/use-hydrated";

// The class on <html> is the truth (the inline theme script sets it before paint); React follows it.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains("dark");
const unknownOnServer = () => null;

export function ThemeToggle() {
  const t = useTranslations("Nav");
  const dark = useSyncExternalStore<boolean | null>(subscribe, isDark, unknownOnServer);
  const hydrated = useHydrated();
  // Apply the saved choice again after hydration in case React re-rendered <html> (a recovered
  // hydration mismatch re-creates its attributes).
  useEffect(() => {
    const saved = localStorage.getItem("mesa-theme");
    if (saved) document.documentElement.classList.toggle("dark", saved === "dark");
  }, []);

  function toggle() {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    localStorage.setItem("mesa-theme", next ? "dark" : "light");
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
