import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../../_i18n/navigation";
import { RegisterForm } from "./register-form";

export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Register");
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <RegisterForm />
      <p className="text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className="text-brand-700 hover:underline dark:text-brand-500">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
