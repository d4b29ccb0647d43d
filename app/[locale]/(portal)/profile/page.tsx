import { getTranslations, setRequestLocale } from "next-intl/server";
import { zoneChoices } from "../../../_components/time-zones/zone-options";
import { titled } from "../../../_lib/page-title";
import { requireViewer } from "../../../_lib/viewer";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { TokensSection } from "./tokens-section";

export const generateMetadata = titled("Profile.title");

export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const t = await getTranslations("Profile");
  const card = "rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className={card}>
        <ProfileForm viewer={viewer} timeZones={zoneChoices([viewer.timeZone], locale)} />
      </section>
      <section className={card}>
        <h2 className="mb-4 text-lg font-semibold">{t("passwordTitle")}</h2>
        <PasswordForm />
      </section>
      <section className={card}>
        <h2 className="mb-4 text-lg font-semibold">{t("tokens.title")}</h2>
        <TokensSection />
      </section>
    </div>
  );
}
