import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../../../_i18n/navigation";
import { pageTitle } from "../../../../_lib/page-title";
import { requireAdmin, serverCaller } from "../../../../_lib/viewer";
import { MembersPanel } from "../../../(portal)/organization/members-panel";
import { card } from "../../admin-ui";
import { OrganizationForm } from "../organization-form";
import { OrganizationRemoval } from "./organization-removal";
import { ServicesPanel } from "./services-panel";

/** The organization and its members, once per request (the title and the page share it); an id that
 * is no organization's, or no id at all, is the translated "no encontrado". */
const load = cache(async (id: string) => {
  const caller = await serverCaller();
  try {
    return await Promise.all([caller.admin.organizations.get({ id }), caller.organizations.members({ organizationId: id })]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "Admin" });
  // Not an admin, or no such organization: the page itself redirects or says so.
  const name = (await load(id).catch(() => null))?.[0].name;
  return { title: pageTitle(name ? `${name} · ${t("nav.organizations")}` : t("nav.organizations")) };
}

/** One organization: its details, members and services. */
export default async function OrganizationAdminPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin.organizations");
  const [org, members] = await load(id);
  return (
    <section className="flex flex-col gap-6">
      <Link href="/admin/organizations" className="text-sm text-brand-700 underline dark:text-brand-500">
        ← {t("backToList")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {org.name}
          {org.archived && <span className="ml-2 text-base font-normal text-slate-600 dark:text-slate-400">({t("archived")})</span>}
        </h1>
        <OrganizationRemoval id={org.id} name={org.name} archived={org.archived} ticketCount={org.ticketCount} />
      </div>
      <section aria-labelledby="organization-details" className={card}>
        <h2 id="organization-details" className="mb-4 text-lg font-semibold">
          {t("details")}
        </h2>
        <OrganizationForm organization={org} calendars={org.calendars} />
      </section>
      <MembersPanel org={members} viewerId={viewer.id} />
      <ServicesPanel organizationId={org.id} services={org.services} />
    </section>
  );
}
