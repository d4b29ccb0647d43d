import { inlineLinkClass } from "../../../_components/field";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { Link } from "../../../_i18n/navigation";
import { serverCaller } from "../../../_lib/viewer";
import { RegisterForm } from "./register-form";

export const generateMetadata = titled("Register.title");

export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Register");
  const { enabled: captcha } = await (await serverCaller()).auth.captcha();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <RegisterForm captcha={captcha} />
      <p className="text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className={inlineLinkClass}>
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
