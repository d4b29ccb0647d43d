// On a ticket merged into another, for staff and customers alike: where the conversation goes on.
import { getTranslations } from "next-intl/server";
import { Link } from "../../_i18n/navigation";

export async function MergedBanner({ reference, staff }: { reference: string; staff: boolean }) {
  const t = await getTranslations("Merge");
  return (
    <div
      role="note"
      data-testid="merged-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <p>{t("banner", { reference })}</p>
      <Link
        href={`${staff ? "/agent/tickets" : "/tickets"}/${reference}`}
        className="font-semibold underline hover:no-underline"
        data-testid="merged-banner-link"
      >
        {t("bannerLink", { reference })}
      </Link>
    </div>
  );
}
