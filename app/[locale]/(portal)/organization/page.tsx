import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { redirect } from "../../../_i18n/navigation";
import { requireViewer, serverCaller } from "../../../_lib/viewer";
import { ContactsPanel } from "./contacts-panel";
import { MembersPanel } from "./members-panel";

export const generateMetadata = titled("Organization.title");

/** Organization admins: their organizations' members and authorized contacts. */
export default async function OrganizationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const administered = viewer.organizations.filter((o) => o.role === "admin");
  if (!administered.length) return redirect({ href: "/tickets", locale });
  const caller = await serverCaller();
  const orgs = await Promise.all(
    administered.map(async (o) => ({
      members: await caller.organizations.members({ organizationId: o.id }),
      contacts: await caller.organizations.contacts.list({ organizationId: o.id }),
    })),
  );
  const t = await getTranslations("Organization");
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {orgs.map(({ members, contacts }) => (
        <div key={members.id} className="flex flex-col gap-4">
          <MembersPanel org={members} viewerId={viewer.id} />
          <ContactsPanel org={contacts} />
        </div>
      ))}
    </section>
  );
}
