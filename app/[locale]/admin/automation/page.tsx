import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { DepartmentPolicyForm } from "./department-policy-form";
import { DeploymentPolicyForm } from "./deployment-policy-form";

export const generateMetadata = titled("Admin.nav.automation");

/** The automation policy: the deployment's, then one collapsible override per department. */
export default async function AutomationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const { deployment, departments } = await (await serverCaller()).admin.automation.get();
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.automation")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("automation.intro")}</p>
      </div>
      <section aria-labelledby="automation-deployment" className={card}>
        <h2 id="automation-deployment" className="text-lg font-semibold">
          {t("automation.deploymentTitle")}
        </h2>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{t("automation.deploymentIntro")}</p>
        <DeploymentPolicyForm policy={deployment} />
      </section>
      <section aria-labelledby="automation-departments" className="flex flex-col gap-3">
        <div>
          <h2 id="automation-departments" className="text-lg font-semibold">
            {t("automation.departmentsTitle")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("automation.departmentsIntro")}</p>
        </div>
        {departments.map((d) => (
          <DepartmentPolicyForm key={d.id} department={d} deployment={deployment} />
        ))}
      </section>
    </section>
  );
}
