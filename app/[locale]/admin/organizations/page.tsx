import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../../_i18n/navigation";
import { titled } from "../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
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
      <form role="search" className="flex flex-wrap items-end gap-2" action="">
        <div className="flex flex-col gap-1">
          <label htmlFor="organization-search" className="text-sm font-medium">
            {t("search")}
          </label>
          <input
            id="organization-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={120}
            className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {t("searchButton")}
        </button>
      </form>
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
