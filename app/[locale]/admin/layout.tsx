import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "../../_components/app-header";
import { requireAdmin } from "../../_lib/viewer";
import { AdminNav } from "./admin-nav";

/** The admin area: administrators only (anyone else is sent to their own home). */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin");
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader viewer={viewer} area="admin" />
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6">
        <AdminNav
          label={t("sections")}
          links={[
            { href: "/admin", label: t("nav.home") },
            { href: "/admin/departments", label: t("nav.departments") },
            { href: "/admin/organizations", label: t("nav.organizations") },
            { href: "/admin/staff", label: t("nav.staff") },
            { href: "/admin/knowledge-base", label: t("nav.knowledgeBase") },
            { href: "/admin/priority-rules", label: t("nav.priorityRules") },
            { href: "/admin/sla", label: t("nav.sla") },
            { href: "/admin/calendars", label: t("nav.calendars") },
            { href: "/admin/automation", label: t("nav.automation") },
            { href: "/admin/attachments", label: t("nav.attachments") },
            { href: "/admin/mailboxes", label: t("nav.mailboxes") },
            { href: "/admin/inbound", label: t("nav.inbound") },
            { href: "/admin/intake", label: t("nav.intake") },
            { href: "/admin/security", label: t("nav.security") },
          ]}
        />
        <main className="flex-1">{children}</main>
      </div>
    </div>
  );
}
