import { inlineLinkClass } from "../../../_components/field";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { Link } from "../../../_i18n/navigation";
import { serverCaller } from "../../../_lib/viewer";
import { ForgotPasswordForm } from "./forgot-password-form";

export const generateMetadata = titled("ForgotPassword.title");

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("ForgotPassword");
  const { enabled: captcha } = await (await serverCaller()).auth.captcha();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm">{t("intro")}</p>
      <ForgotPasswordForm captcha={captcha} />
      <Link href="/login" className={`text-sm ${inlineLinkClass}`}>
        {t("back")}
      </Link>
    </div>
  );
}
