import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { AttachmentSettingsForm } from "./attachment-settings-form";

export const generateMetadata = titled("Admin.nav.attachments");

/** Which files may be attached and how much, and which departments offer the sensitive box. */
export default async function AttachmentsAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const settings = await (await serverCaller()).admin.attachments.get();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("nav.attachments")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("attachments.explanation")}</p>
      <div className={card}>
        <AttachmentSettingsForm settings={settings} />
      </div>
    </section>
  );
}
