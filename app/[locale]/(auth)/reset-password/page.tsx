import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { FormMessage } from "../../../_components/field";
import { ResetPasswordForm } from "./reset-password-form";

export const generateMetadata = titled("ResetPassword.title");

export default async function ResetPasswordPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("ResetPassword.title")}</h1>
      {token ? <ResetPasswordForm token={token} /> : <FormMessage kind="error">{t("Activate.missingToken")}</FormMessage>}
    </div>
  );
}
