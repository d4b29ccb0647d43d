"use client";
// Creating or editing a business calendar. The regions of the chosen country are loaded when the
// country changes. A refusal (in the browser or by the server) keeps everything typed and shows the
// reason under its field; a created calendar empties the form for the next one.
import type { ZoneGroup } from "../../../_components/time-zones/zone-options";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { calendarFields, calendarUpdateFields } from "../../../../server/sla/calendar-fields";
import { CheckboxGroup } from "../../../_components/checkbox-group";
import { TimeZonePicker } from "../../../_components/time-zones/time-zone-picker";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";
import { weekOrder, weekdayName } from "./weekdays";
import { locales, type AppLocale } from "../../../../server/i18n/locales";

type Outputs = inferRouterOutputs<AppRouter>["admin"]["calendars"];
export type Calendar = Outputs["list"][number];
export type Country = Outputs["holidayCountries"][number];

interface Values {
  name: string;
  /** The name in the other languages (DEFAULT_LOCALE's is `name`). */
  translations: Partial<Record<AppLocale, string>>;
  timeZone: string;
  workingDays: string[];
  startTime: string;
  endTime: string;
  country: string;
  region: string;
  extraHolidays: string;
}

const initial = (calendar: Calendar | undefined, defaultTimeZone: string): Values =>
  calendar
    ? {
        name: calendar.name,
        translations: { ...calendar.nameTranslations },
        timeZone: calendar.timeZone,
        workingDays: calendar.workingDays.map(String),
        startTime: calendar.startTime,
        endTime: calendar.endTime,
        country: calendar.holidayCountry ?? "",
        region: calendar.holidayRegion ?? "",
        extraHolidays: calendar.extraHolidays.join("\n"),
      }
    : {
        name: "",
        translations: {},
        timeZone: defaultTimeZone,
        workingDays: ["1", "2", "3", "4", "5"],
        startTime: "09:00",
        endTime: "18:00",
        country: "",
        region: "",
        extraHolidays: "",
      };

export function CalendarForm({
  calendar,
  countries,
  timeZones,
  defaultTimeZone = "UTC",
  defaultLocale,
  onDone,
}: {
  /** DEFAULT_LOCALE: the language of `name`. */
  defaultLocale: AppLocale;
  /** Absent: a new calendar. */
  calendar?: Calendar;
  countries: Country[];
  timeZones: ZoneGroup[];
  defaultTimeZone?: string;
  /** Editing: called after a save or on cancel. */
  onDone?: (notice?: string) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.calendars.create.mutationOptions());
  const update = useMutation(trpc.admin.calendars.update.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Values>(() => initial(calendar, defaultTimeZone));
  const [notice, setNotice] = useState<string>();
  const regions = useQuery(trpc.admin.calendars.holidayRegions.queryOptions(values.country ? { country: values.country } : skipToken));
  const prefix = calendar ? `calendar-${calendar.id}` : "calendar-new";
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setNotice(undefined);
    setValues((v) => ({ ...v, [key]: value, ...(key === "country" ? { region: "" } : {}) }));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const fields = {
      name: values.name,
      nameTranslations: Object.fromEntries(locales.filter((l) => l !== defaultLocale).map((l) => [l, values.translations[l] ?? ""])),
      timeZone: values.timeZone,
      workingDays: values.workingDays.map(Number),
      startTime: values.startTime,
      endTime: values.endTime,
      holidayCountry: values.country || null,
      holidayRegion: values.region || null,
      extraHolidays: values.extraHolidays
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    };
    if (calendar) {
      const ok = await submit(calendarUpdateFields, { id: calendar.id, ...fields }, (input) => update.mutateAsync(input));
      if (ok) {
        router.refresh();
        onDone?.(t("Admin.calendars.updated", { name: fields.name.trim() }));
      }
      return;
    }
    const ok = await submit(calendarFields, fields, (input) => create.mutateAsync(input));
    if (ok) {
      setValues(initial(undefined, defaultTimeZone));
      setNotice(t("Admin.calendars.created", { name: fields.name.trim() }));
      router.refresh();
    }
  }

  const holidaysError = Object.entries(errors.fields).find(([key]) => key === "extraHolidays" || key.startsWith("extraHolidays."))?.[1];
  const regionOptions = regions.data ?? (values.region ? [{ code: values.region, name: values.region }] : []);
  return (
    <form
      onSubmit={save}
      className="flex flex-col gap-4"
      noValidate
      aria-label={calendar ? t("Admin.calendars.editTitle", { name: calendar.name }) : t("Admin.calendars.createTitle")}
    >
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-name`}
          label={t("Admin.calendars.name")}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={errors.fields.name}
          maxLength={80}
          autoComplete="off"
        />
        <TimeZonePicker
          id={`${prefix}-timeZone`}
          label={t("Admin.calendars.timeZone")}
          zones={timeZones}
          value={values.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          error={errors.fields.timeZone}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("Admin.calendars.otherNames")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {locales
            .filter((l) => l !== defaultLocale)
            .map((l) => (
              <Field
                key={l}
                id={`${prefix}-name-${l}`}
                lang={l}
                label={t(`Locales.${l}`)}
                value={values.translations[l] ?? ""}
                onChange={(e) => set("translations", { ...values.translations, [l]: e.target.value })}
                error={errors.fields[`nameTranslations.${l}`]}
                maxLength={80}
                autoComplete="off"
              />
            ))}
        </div>
      </fieldset>
      <CheckboxGroup
        legend={t("Admin.calendars.workingDays")}
        options={weekOrder.map((d) => ({ id: String(d), name: weekdayName(locale, d, "long") }))}
        selected={values.workingDays}
        onChange={(days) => set("workingDays", days)}
        error={errors.fields.workingDays ?? Object.entries(errors.fields).find(([key]) => key.startsWith("workingDays."))?.[1]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-startTime`}
          label={t("Admin.calendars.startTime")}
          value={values.startTime}
          onChange={(e) => set("startTime", e.target.value)}
          error={errors.fields.startTime}
          placeholder="09:00"
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          id={`${prefix}-endTime`}
          label={t("Admin.calendars.endTime")}
          value={values.endTime}
          onChange={(e) => set("endTime", e.target.value)}
          error={errors.fields.endTime}
          hint={t("Admin.calendars.timeHint")}
          placeholder="18:00"
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`${prefix}-country`}
          label={t("Admin.calendars.country")}
          value={values.country}
          onChange={(e) => set("country", e.target.value)}
          error={errors.fields.holidayCountry}
        >
          <option value="">{t("Admin.calendars.noCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${prefix}-region`}
          label={t("Admin.calendars.region")}
          value={values.region}
          onChange={(e) => set("region", e.target.value)}
          error={errors.fields.holidayRegion}
          disabled={!values.country || (regions.isSuccess && regions.data.length === 0)}
          hint={values.country && regions.isPending ? t("Admin.calendars.loadingRegions") : undefined}
        >
          <option value="">{t("Admin.calendars.wholeCountry")}</option>
          {regionOptions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-extraHolidays`} className="text-sm font-medium">
          {t("Admin.calendars.extraHolidays")}
        </label>
        <textarea
          id={`${prefix}-extraHolidays`}
          rows={3}
          value={values.extraHolidays}
          onChange={(e) => set("extraHolidays", e.target.value)}
          placeholder="2026-12-24"
          aria-invalid={holidaysError ? true : undefined}
          aria-describedby={`${prefix}-extraHolidays-hint${holidaysError ? ` ${prefix}-extraHolidays-error` : ""}`}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900"
        />
        <p id={`${prefix}-extraHolidays-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {t("Admin.calendars.extraHolidaysHint")}
        </p>
        {holidaysError && (
          <p id={`${prefix}-extraHolidays-error`} className="text-sm text-red-600 dark:text-red-400">
            {holidaysError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("Common.saving") : t(calendar ? "Admin.calendars.save" : "Admin.calendars.create")}
        </button>
        {calendar && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone?.()}>
            {t("Admin.calendars.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
