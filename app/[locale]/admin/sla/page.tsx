import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { SlaPolicyRow } from "./sla-policy-row";

export const generateMetadata = titled("Admin.nav.sla");

/** SLA targets per priority, one form per priority. */
export default async function SlaPoliciesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const policies = await (await serverCaller()).admin.slaPolicies.list();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("nav.sla")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("sla.intro")}</p>
      <div className="flex flex-col gap-3">
        {/* low → critical on the server; the most urgent first on screen */}
        {[...policies].reverse().map((p) => (
          <SlaPolicyRow key={p.priority} policy={p} />
        ))}
      </div>
    </section>
  );
}
