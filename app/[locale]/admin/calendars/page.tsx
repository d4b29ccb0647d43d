import { getTranslations, setRequestLocale } from "next-intl/server";
import { zoneChoices } from "../../../_components/time-zones/zone-options";
import { titled } from "../../../_lib/page-title";
import { isLocale } from "../../../../server/i18n/locales";
import { contentLocale, localized } from "../../../../server/i18n/localized";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { CalendarAssignment } from "./calendar-assignment";
import { CalendarForm } from "./calendar-form";
import { CalendarList } from "./calendar-list";

export const generateMetadata = titled("Admin.nav.calendars");

/** Business calendars: the list, a form for a new one, and which department or organization runs on which. */
export default async function CalendarsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const caller = await serverCaller();
  // The calendars' names in the reader's language, as the list shows them (the form edits them all).
  const readerLocale = isLocale(locale) ? locale : contentLocale();
  const [calendars, assignments, countries] = await Promise.all([
    caller.admin.calendars.list(),
    caller.admin.calendars.assignments(),
    caller.admin.calendars.holidayCountries(),
  ]);
  // The runtime's zones; any zone a calendar already uses is offered too.
  const timeZones = zoneChoices(
    calendars.map((c) => c.timeZone),
    locale,
  );
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.calendars")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("calendars.intro")}</p>
      </div>
      <section aria-labelledby="calendar-list" className="flex flex-col gap-3">
        <h2 id="calendar-list" className="text-lg font-semibold">
          {t("calendars.list")}
        </h2>
        <CalendarList defaultLocale={contentLocale()} calendars={calendars} countries={countries} timeZones={timeZones} />
      </section>
      <section aria-labelledby="calendar-new" className={card}>
        <h2 id="calendar-new" className="mb-4 text-lg font-semibold">
          {t("calendars.createTitle")}
        </h2>
        <CalendarForm defaultLocale={contentLocale()} countries={countries} timeZones={timeZones} defaultTimeZone={viewer.timeZone} />
      </section>
      <section aria-labelledby="calendar-assignment" className={`${card} flex flex-col gap-4`}>
        <div>
          <h2 id="calendar-assignment" className="text-lg font-semibold">
            {t("assignment.title")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("assignment.intro")}</p>
        </div>
        <CalendarAssignment
          calendars={calendars.map((c) => ({
            id: c.id,
            name: localized(c.name, c.nameTranslations, readerLocale),
            isDefault: c.isDefault,
          }))}
          assignments={assignments}
        />
      </section>
    </section>
  );
}
