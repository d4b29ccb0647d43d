"use client";
// Changes the page's language; for a signed-in person it also becomes their profile language
// (emails follow it).
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useTransition } from "react";
import { usePathname, useRouter } from "../_i18n/navigation";
import { routing } from "../_i18n/routing";
import { useTRPC } from "../_lib/trpc";

export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams();
  const trpc = useTRPC();
  const update = useMutation(trpc.profile.update.mutationOptions());
  const [pending, startTransition] = useTransition();

  async function choose(next: string) {
    if (signedIn) await update.mutateAsync({ locale: next as (typeof routing.locales)[number] }).catch(() => {});
    startTransition(() => {
      router.replace(
        // @ts-expect-error -- params of the current route are passed back unchanged
        { pathname, params, query: Object.fromEntries(new URLSearchParams(window.location.search)) },
        { locale: next },
      );
    });
  }

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("Nav.language")}</span>
      <select
        aria-label={t("Nav.language")}
        value={locale}
        disabled={pending || update.isPending}
        onChange={(e) => void choose(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {routing.locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`Locales.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
