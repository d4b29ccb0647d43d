import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { DepartmentIntake } from "./department-intake";

export const generateMetadata = titled("Admin.nav.intake");

/** Entrada por correo: per department, who may open tickets by mail, what a mailed reply to a
 * closed ticket does, and the addresses that lead to the department. */
export default async function IntakePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const { departments } = await (await serverCaller()).admin.intake.overview();
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.intake")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("intake.intro")}</p>
      </div>
      {departments.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("intake.noDepartments")}</p>}
      {departments.map((d) => (
        <DepartmentIntake key={d.id} department={d} />
      ))}
    </section>
  );
}
