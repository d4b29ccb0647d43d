import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { inboundTabs, listInboundInput } from "../../../../server/trpc/admin/inbound.schema";
import { Link } from "../../../_i18n/navigation";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { InboundList } from "./inbound-list";

type Search = Record<string, string | string[] | undefined>;

export const generateMetadata = titled("Admin.nav.inbound");

/** Correo entrante: the stored mails, first those waiting for a person (held with their reason,
 * failed with their error), with reprocess, discard and download. The tab is kept in the URL. */
export default async function InboundPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const sp = await searchParams;
  const parsed = listInboundInput.safeParse({ tab: Array.isArray(sp.tab) ? sp.tab[0] : sp.tab });
  const input = parsed.success ? parsed.data : listInboundInput.parse({});
  const caller = await serverCaller();
  const [page, counts] = await Promise.all([caller.admin.inbound.list(input), caller.admin.inbound.counts()]);
  const countOf = { attention: counts.held + counts.failed, held: counts.held, failed: counts.failed } as Partial<Record<string, number>>;
  const tab =
    "whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold";
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.inbound")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("inbound.intro")}</p>
      </div>
      <nav aria-label={t("inbound.tabsLabel")} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
        {inboundTabs.map((key) => (
          <Link
            key={key}
            href={{ pathname: "/admin/inbound", query: { tab: key } }}
            aria-current={input.tab === key ? "page" : undefined}
            className={tab}
          >
            {t(`inbound.tabs.${key}`)}
            {countOf[key] ? ` (${countOf[key]})` : ""}
          </Link>
        ))}
      </nav>
      <InboundList key={input.tab} input={input} initial={page} timeZone={viewer.timeZone} />
    </section>
  );
}
