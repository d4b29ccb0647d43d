import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff, serverCaller } from "../../_lib/viewer";

export default async function AgentQueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale);
  const t = await getTranslations("Agent");
  const departments = await (await serverCaller()).queue.departments();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-500 dark:text-slate-400">{t("departments")}:</span>
        {departments.length === 0 && <span>{t("noDepartments")}</span>}
        {departments.map((d) => (
          <span key={d.id} className="rounded-full bg-brand-100 px-3 py-1 text-brand-800 dark:bg-brand-800 dark:text-brand-50">{d.name}</span>
        ))}
      </div>
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500 dark:border-slate-700 dark:text-slate-400">{t("empty")}</p>
    </section>
  );
}
