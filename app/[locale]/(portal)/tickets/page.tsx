import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { listTicketsInput } from "../../../../server/trpc/tickets/list.schema";
import { FormMessage } from "../../../_components/field";
import { Link } from "../../../_i18n/navigation";
import { requireViewer, serverCaller } from "../../../_lib/viewer";
import { listQuery } from "../../../_lib/back-to-list";
import { LiveTicketList } from "../../../_components/live-refresh";
import { ExportPanel } from "../../../_components/ticket-list/export-panel";
import { TicketFilters } from "../../../_components/ticket-list/ticket-filters";
import { TicketRows } from "../../../_components/ticket-list/ticket-rows";

type Search = Record<string, string | string[] | undefined>;
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);

export const generateMetadata = titled("Tickets.title");

/** Mis Tickets: every bit of state lives in the URL, so a view can be bookmarked and shared. */
export default async function MyTicketsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  const t = await getTranslations();
  if (!viewer.canAccessTicketing) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("Tickets.title")}</h1>
        <FormMessage kind="error">{t("Tickets.noAccess")}</FormMessage>
      </section>
    );
  }
  const sp = await searchParams;
  const parsed = listTicketsInput.safeParse({
    tab: sp.tab,
    q: sp.q,
    status: many(sp.status),
    priority: many(sp.priority),
    departmentId: many(sp.department),
    sort: sp.sort,
    dir: sp.dir,
  });
  const input = parsed.success ? parsed.data : listTicketsInput.parse({});
  const caller = await serverCaller();
  const [page, options] = await Promise.all([caller.tickets.list(input), caller.tickets.formOptions()]);
  const tabs = ["open", "reopened", "closed", "all"] as const;
  const tabQuery = (tab: string) => ({ ...Object.fromEntries(Object.entries(sp).filter(([k]) => k !== "tab")), tab });
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("Tickets.title")}</h1>
        <Link href="/tickets/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("TicketList.create")}
        </Link>
      </div>
      <nav aria-label={t("TicketList.status")} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
        {tabs.map((tab) => (
          <Link
            key={tab}
            href={{ pathname: "/tickets", query: tabQuery(tab) as Record<string, string> }}
            aria-current={input.tab === tab ? "page" : undefined}
            className="whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
          >
            {t(`TicketList.tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      <TicketFilters input={input} hidden={{ tab: input.tab }} departments={options.departments.map((d) => ({ id: d.id, name: d.name }))} />
      <LiveTicketList />
      <TicketRows input={input} initial={page} basePath="/tickets" from={listQuery(sp)} />
      <ExportPanel staff={viewer.isStaff} timeZone={viewer.timeZone} />
    </section>
  );
}
