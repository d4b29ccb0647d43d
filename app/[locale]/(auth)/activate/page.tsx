import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { FormMessage } from "../../../_components/field";
import { ActivateForm } from "./activate-form";

// Activation is a button, not a side effect of opening the link: mail scanners that prefetch
// links must not activate accounts.
export const generateMetadata = titled("Activate.title");

export default async function ActivatePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations("Activate");
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {token ? <ActivateForm token={token} /> : <FormMessage kind="error">{t("missingToken")}</FormMessage>}
    </div>
  );
}
