import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { userRoles, type UserRoleName } from "../../../../server/users/staff-fields";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { AdminSearch, card, selectClass } from "../admin-ui";
import { InviteStaffForm } from "./invite-staff-form";
import { PeopleList } from "./people-list";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Admin" });
  return { title: `${t("nav.staff")} — Mesa` };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Everyone who uses Mesa: find a person, invite agents and admins, give them departments and
 * permissions, deactivate an account. */
export default async function StaffAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[]; role?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const query = await searchParams;
  const q = first(query.q).slice(0, 120);
  const roleParam = first(query.role);
  const role = (userRoles as readonly string[]).includes(roleParam) ? (roleParam as UserRoleName) : null;
  const caller = await serverCaller();
  const [{ people, total }, departments] = await Promise.all([caller.admin.users.search({ q, role }), caller.queue.departments()]);
  const departmentOptions = departments.map((d) => ({ id: String(d.id), name: d.name }));
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.staff")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("people.intro")}</p>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("staff.intro")}</p>
      </div>
      <AdminSearch id="people-search" label={t("people.search")} q={q} button={t("people.searchButton")}>
        <div className="flex flex-col gap-1">
          <label htmlFor="people-role" className="text-sm font-medium">
            {t("people.role")}
          </label>
          <select id="people-role" name="role" defaultValue={role ?? ""} className={selectClass}>
            <option value="">{t("people.anyRole")}</option>
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`people.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </AdminSearch>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("people.shown", { shown: people.length, total })}</p>
      <PeopleList people={people} departments={departmentOptions} viewerId={viewer.id} />
      <section aria-labelledby="staff-invite" className={card}>
        <h2 id="staff-invite" className="mb-4 text-lg font-semibold">
          {t("people.inviteTitle")}
        </h2>
        <InviteStaffForm departments={departmentOptions} />
      </section>
    </section>
  );
}
