import { getTranslations, setRequestLocale } from "next-intl/server";
import { FormMessage } from "../../../_components/field";
import { requireViewer } from "../../../_lib/viewer";

export default async function MyTicketsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const t = await getTranslations("Tickets");
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {viewer.canAccessTicketing ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500 dark:border-slate-700 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <FormMessage kind="error">{t("noAccess")}</FormMessage>
      )}
    </section>
  );
}
