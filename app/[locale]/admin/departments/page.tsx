import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { DepartmentsAdmin } from "./departments-admin";

export const generateMetadata = titled("Admin.nav.departments");

/** Departments, their categories and agents. */
export default async function DepartmentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const data = await (await serverCaller()).admin.departments.list();
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.departments")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("departments.intro")}</p>
      </div>
      <DepartmentsAdmin data={data} />
    </section>
  );
}
