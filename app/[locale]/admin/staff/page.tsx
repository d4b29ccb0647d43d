import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { StaffPermissions } from "./staff-permissions";

/** Support staff and who of them may reveal sensitive information. */
export default async function StaffAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const staff = await (await serverCaller()).admin.users.staff();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("nav.staff")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("staff.intro")}</p>
      <StaffPermissions staff={staff} />
    </section>
  );
}
