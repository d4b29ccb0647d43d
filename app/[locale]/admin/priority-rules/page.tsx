import { getTranslations, setRequestLocale } from "next-intl/server";
import { defaultPriorityPolicy } from "../../../../server/domain/priority-rules";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { PriorityRulesPanel } from "./priority-rules-panel";

/** The (type, category) → priority table new tickets take their priority from. */
export default async function PriorityRulesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations();
  const { rules, departments } = await (await serverCaller()).admin.priorityRules.list();
  const fallback = t(`Priorities.${defaultPriorityPolicy.fallback}`);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("Admin.nav.priorityRules")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("Admin.priorityRules.explanation", { fallback })}</p>
      <PriorityRulesPanel rules={rules} departments={departments} fallback={fallback} />
    </section>
  );
}
