import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireStaff, serverCaller } from "../../../_lib/viewer";
import { contentLocale } from "../../../../server/i18n/localized";
import { CannedManager } from "./canned-manager";

export const generateMetadata = titled("Canned.title");

/** The agent's canned replies and macros: list, create, edit, delete. */
export default async function CannedRepliesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale);
  const t = await getTranslations("Canned");
  const data = await (await serverCaller()).canned.list();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("intro")}</p>
      <CannedManager data={data} defaultLocale={contentLocale()} />
    </section>
  );
}
