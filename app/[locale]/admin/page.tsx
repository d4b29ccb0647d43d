import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../_lib/page-title";
import { Link } from "../../_i18n/navigation";
import { requireAdmin } from "../../_lib/viewer";

export const generateMetadata = titled("Admin.title");

/** The admin area's start: one card per screen. */
export default async function AdminHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const screens = [
    { href: "/admin/departments", title: t("nav.departments"), text: t("home.departments") },
    { href: "/admin/organizations", title: t("nav.organizations"), text: t("home.organizations") },
    { href: "/admin/staff", title: t("nav.staff"), text: t("home.staff") },
    { href: "/admin/knowledge-base", title: t("nav.knowledgeBase"), text: t("home.knowledgeBase") },
    { href: "/admin/priority-rules", title: t("nav.priorityRules"), text: t("home.priorityRules") },
    { href: "/admin/sla", title: t("nav.sla"), text: t("home.sla") },
    { href: "/admin/calendars", title: t("nav.calendars"), text: t("home.calendars") },
    { href: "/admin/automation", title: t("nav.automation"), text: t("home.automation") },
    { href: "/admin/attachments", title: t("nav.attachments"), text: t("home.attachments") },
    { href: "/admin/security", title: t("nav.security"), text: t("home.security") },
    { href: "/admin/intake", title: t("nav.intake"), text: t("home.intake") },
    { href: "/admin/mailboxes", title: t("nav.mailboxes"), text: t("home.mailboxes") },
    { href: "/admin/inbound", title: t("nav.inbound"), text: t("home.inbound") },
  ];
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("home.intro")}</p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {screens.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full flex-col gap-1 rounded-xl border border-slate-200 bg-white p-5 hover:border-brand-600 dark:border-slate-800 dark:bg-slate-900"
            >
              <span className="text-lg font-semibold text-brand-700 dark:text-brand-500">{s.title}</span>
              <span className="text-sm text-slate-600 dark:text-slate-400">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
