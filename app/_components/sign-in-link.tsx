"use client";
// "Iniciar sesión" that comes back to the page it was clicked on.
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "../_i18n/navigation";
import { signInThenBack } from "../_lib/return-to";

export function SignInLink({ className }: { className?: string }) {
  const t = useTranslations("Help");
  const locale = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <Link href={signInThenBack(`/${locale}${pathname}${query ? `?${query}` : ""}`)} className={className}>
      {t("signIn")}
    </Link>
  );
}
