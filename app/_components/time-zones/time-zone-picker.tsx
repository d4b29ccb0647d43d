"use client";
// One time-zone field for every form (profile, business calendars): a search box that narrows a
// list grouped by region, each zone named by its city and current UTC offset. The zone in use stays
// in the list whatever the search, so narrowing never changes the value by itself.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { zoneMatches, type ZoneGroup } from "./zone-options";

const control = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";

export function TimeZonePicker({
  id,
  name = id,
  label,
  zones,
  value,
  defaultValue,
  onChange,
  error,
}: {
  id: string;
  name?: string;
  label: string;
  /** The zones offered, grouped on the server (`zoneChoices`); a current value not among them is
   * offered too, under its id. */
  zones: readonly ZoneGroup[];
  /** Controlled use (with onChange); or `defaultValue` for a form read on submit. */
  value?: string;
  defaultValue?: string;
  onChange?: (zone: string) => void;
  error?: string;
}) {
  const t = useTranslations("TimeZonePicker");
  const [own, setOwn] = useState(value ?? defaultValue ?? "UTC");
  const current = value ?? own;
  const [filter, setFilter] = useState("");
  const known = zones.some((g) => g.zones.some((z) => z.id === current));
  const groups = known
    ? zones
    : [
        ...zones,
        { region: "Other" as const, zones: [{ id: current, region: "Other" as const, city: current, offset: "", label: current }] },
      ];
  const region = (r: string) => t(`regions.${r}`);
  const shown = groups
    .map((g) => ({ ...g, zones: g.zones.filter((z) => z.id === current || zoneMatches(z, filter, region(g.region))) }))
    .filter((g) => g.zones.length > 0);
  const matches = shown.reduce((n, g) => n + g.zones.filter((z) => z.id !== current).length, 0);
  const describedBy = [`${id}-filter-status`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        type="search"
        id={`${id}-filter`}
        aria-label={t("filter")}
        aria-describedby={`${id}-filter-hint`}
        placeholder={t("filter")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className={`${control} text-sm`}
        autoComplete="off"
      />
      <p id={`${id}-filter-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        {t("filterHint")}
      </p>
      <select
        id={id}
        name={name}
        value={current}
        onChange={(e) => {
          setOwn(e.target.value);
          onChange?.(e.target.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={control}
      >
        {shown.map((g) => (
          <optgroup key={g.region} label={region(g.region)}>
            {g.zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-filter-status`} aria-live="polite" className="text-xs text-slate-500 dark:text-slate-400">
        {filter && matches === 0 ? t("noMatch", { text: filter }) : ""}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
