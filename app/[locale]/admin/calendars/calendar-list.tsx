"use client";
// Each calendar with what it means (zone, days, hours, holidays) and who runs on it; edit in place,
// make it the default, or remove it after a confirmation (the default cannot be removed).
import type { ZoneGroup } from "../../../_components/time-zones/zone-options";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessage } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card, dangerButtonClass, smallButtonClass } from "../admin-ui";
import { CalendarForm, type Calendar, type Country } from "./calendar-form";
import type { AppLocale } from "../../../../server/i18n/locales";
import { weekOrder, weekdayName } from "./weekdays";

export function CalendarList({
  calendars,
  countries,
  timeZones,
  defaultLocale,
}: {
  calendars: Calendar[];
  countries: Country[];
  timeZones: ZoneGroup[];
  defaultLocale: AppLocale;
}) {
  const t = useTranslations("Admin.calendars");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const setDefault = useMutation(trpc.admin.calendars.setDefault.mutationOptions());
  const remove = useMutation(trpc.admin.calendars.remove.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<number>();
  const [confirming, setConfirming] = useState<number>();

  async function act(action: () => Promise<unknown>, message: string) {
    clear();
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      setConfirming(undefined);
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  const days = (c: Calendar) =>
    weekOrder
      .filter((d) => c.workingDays.includes(d))
      .map((d) => weekdayName(locale, d, "short"))
      .join(", ");
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const holidays = (c: Calendar) => {
    const parts = [
      c.holidayCountry && [countryName(c.holidayCountry), c.holidayRegionName].filter(Boolean).join(" · "),
      c.extraHolidays.length > 0 && t("extraCount", { count: c.extraHolidays.length }),
    ].filter(Boolean);
    return parts.length ? parts.join(", ") : t("noHolidays");
  };
  const users = (c: Calendar) => [
    ...c.departments.map((d) => t("department", { name: d.name })),
    ...c.organizations.map((o) => t("organization", { name: o.name })),
  ];

  return (
    <div className="flex flex-col gap-3">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {calendars.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>}
      <ul className="flex flex-col gap-3">
        {calendars.map((c) => {
          const usedBy = users(c);
          const titleId = `calendar-${c.id}-title`;
          return (
            <li key={c.id} aria-labelledby={titleId} data-testid="calendar" className={`${card} flex flex-col gap-3`}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={titleId} className="text-base font-semibold">
                  {c.nameTranslations[locale as AppLocale] || c.name}
                </h3>
                {c.isDefault && (
                  <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800 dark:bg-brand-800 dark:text-brand-50">
                    {t("default")}
                  </span>
                )}
              </div>
              {editing === c.id ? (
                <CalendarForm
                  calendar={c}
                  defaultLocale={defaultLocale}
                  countries={countries}
                  timeZones={timeZones}
                  onDone={(message) => {
                    setEditing(undefined);
                    if (message) setNotice(message);
                  }}
                />
              ) : (
                <>
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="text-slate-500 dark:text-slate-400">{t("timeZone")}</dt>
                    <dd>{c.timeZone}</dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("days")}</dt>
                    <dd>{days(c)}</dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("schedule")}</dt>
                    <dd>{t("hours", { start: c.startTime, end: c.endTime })}</dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("holidays")}</dt>
                    <dd>
                      {holidays(c)}
                      {c.extraHolidays.length > 0 && (
                        <span className="block text-xs text-slate-500 dark:text-slate-400">{c.extraHolidays.join(", ")}</span>
                      )}
                    </dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("usedBy")}</dt>
                    <dd>
                      {usedBy.length > 0 ? usedBy.join(", ") : c.isDefault ? t("usedByDefault") : t("unused")}
                      {c.isDefault && usedBy.length > 0 && (
                        <span className="block text-xs text-slate-500 dark:text-slate-400">{t("usedByDefault")}</span>
                      )}
                    </dd>
                  </dl>
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={t("editOf", { name: c.name })}
                      onClick={() => {
                        clear();
                        setEditing(c.id);
                      }}
                    >
                      {t("edit")}
                    </button>
                    {!c.isDefault && (
                      <button
                        type="button"
                        className={smallButtonClass}
                        aria-label={t("makeDefaultOf", { name: c.name })}
                        disabled={setDefault.isPending}
                        onClick={() => void act(() => setDefault.mutateAsync({ id: c.id }), t("defaultChanged", { name: c.name }))}
                      >
                        {t("makeDefault")}
                      </button>
                    )}
                    {!c.isDefault && confirming !== c.id && (
                      <button
                        type="button"
                        className={dangerButtonClass}
                        aria-label={t("removeOf", { name: c.name })}
                        onClick={() => {
                          clear();
                          setConfirming(c.id);
                        }}
                      >
                        {t("remove")}
                      </button>
                    )}
                  </div>
                  {confirming === c.id && (
                    <div
                      role="group"
                      aria-label={t("removeOf", { name: c.name })}
                      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950"
                    >
                      <p>{t("confirmRemove", { name: c.name })}</p>
                      <div className="flex flex-wrap gap-2">
                        <button
                          type="button"
                          className={dangerButtonClass}
                          disabled={remove.isPending}
                          onClick={() => void act(() => remove.mutateAsync({ id: c.id }), t("removed"))}
                        >
                          {t("confirm")}
                        </button>
                        <button type="button" className={smallButtonClass} onClick={() => setConfirming(undefined)}>
                          {t("cancel")}
                        </button>
                      </div>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
