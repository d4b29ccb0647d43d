import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { PriorityPolicyForm } from "./priority-policy-form";
import { PriorityRulesPanel } from "./priority-rules-panel";

export const generateMetadata = titled("Admin.nav.priorityRules");

/** Who sets a new ticket's priority (the rule table or the customer), then the (type, category) →
 * priority table, kept and editable in both modes but applied only when the rule table decides. */
export default async function PriorityRulesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations();
  const api = (await serverCaller()).admin.priorityRules;
  const [{ rules, departments }, policy] = await Promise.all([api.list(), api.policy()]);
  const fallback = t(`Priorities.${policy.fallback}`);
  const applied = policy.mode === "rules";
  const intro = "max-w-3xl text-sm text-slate-600 dark:text-slate-400";
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("Admin.nav.priorityRules")}</h1>
      <section aria-labelledby="priority-policy" className={card}>
        <h2 id="priority-policy" className="mb-4 text-lg font-semibold">
          {t("Admin.priorityRules.policy.title")}
        </h2>
        <PriorityPolicyForm policy={policy} labelledBy="priority-policy" />
      </section>
      <section aria-labelledby="priority-rule-table" className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="priority-rule-table" className="text-lg font-semibold">
            {t("Admin.priorityRules.rulesTitle")}
          </h2>
          <p className={intro}>{t("Admin.priorityRules.explanation", { fallback })}</p>
          {!applied && (
            <p className={`${intro} font-medium`} data-testid="priority-rules-not-applied">
              {t("Admin.priorityRules.notApplied")}
            </p>
          )}
        </div>
        <PriorityRulesPanel rules={rules} departments={departments} fallback={fallback} applied={applied} />
      </section>
    </section>
  );
}
