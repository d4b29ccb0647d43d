import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../../_i18n/navigation";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { AdminSearch, card } from "../admin-ui";
import { OrganizationForm } from "./organization-form";

export const generateMetadata = titled("Admin.nav.organizations");

/** Customers: a search by name, the matches with their counts, and a form for a new one. */
export default async function OrganizationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin.organizations");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 120) ?? "";
  const caller = await serverCaller();
  const { organizations, total } = await caller.admin.organizations.search({ q });
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <AdminSearch id="organization-search" label={t("search")} q={q} button={t("searchButton")} />
      <div className={`${card} overflow-x-auto`}>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("shown", { shown: organizations.length, total })}</p>
        {organizations.length === 0 ? (
          <p className="text-sm">{t("none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-medium">{t("name")}</th>
                <th className="py-2 pr-4 font-medium">{t("members")}</th>
                <th className="py-2 pr-4 font-medium">{t("services")}</th>
                <th className="py-2 font-medium">{t("tickets")}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-2 pr-4">
                    <Link href={`/admin/organizations/${o.id}`} className="font-medium text-brand-700 underline dark:text-brand-500">
                      {o.name}
                    </Link>
                    {o.archived && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">({t("archived")})</span>}
                  </td>
                  <td className="py-2 pr-4">{o.members}</td>
                  <td className="py-2 pr-4">{o.services}</td>
                  <td className="py-2">{o.tickets}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <section aria-labelledby="organization-new" className={card}>
        <h2 id="organization-new" className="mb-4 text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <OrganizationForm
          calendars={(await caller.admin.calendars.list()).map((c) => ({ id: c.id, name: c.name, isDefault: c.isDefault }))}
        />
      </section>
    </section>
  );
}
