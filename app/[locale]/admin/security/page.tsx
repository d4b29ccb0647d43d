import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { SecurityPolicyForm } from "./security-policy-form";

export const generateMetadata = titled("Admin.nav.security");

/** Security settings: whether the create-ticket form asks for the CAPTCHA too, and whether the help
 * centre needs a sign-in (both off by default). */
export default async function SecurityAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const policy = await (await serverCaller()).admin.security.policy();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("nav.security")}</h1>
      <section aria-labelledby="security-captcha" className={card}>
        <h2 id="security-captcha" className="mb-2 text-lg font-semibold">
          {t("security.captchaTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("security.explanation")}</p>
        <SecurityPolicyForm policy={policy} labelledBy="security-captcha" />
      </section>
      <section aria-labelledby="security-help" className={card}>
        <h2 id="security-help" className="mb-2 text-lg font-semibold">
          {t("security.helpTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("security.helpExplanation")}</p>
        <SecurityPolicyForm policy={policy} labelledBy="security-help" setting="helpRequiresSignIn" />
      </section>
    </section>
  );
}
