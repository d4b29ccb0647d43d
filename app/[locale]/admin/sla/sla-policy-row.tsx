"use client";
// One priority's targets, typed as hours and minutes and stored as minutes, saved on its own. A
// refusal keeps what was typed and shows the reason under the target it is about.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { setSlaPolicyInput } from "../../../../server/trpc/admin/sla-policies.schema";
import { FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card } from "../admin-ui";

type Policy = inferRouterOutputs<AppRouter>["admin"]["slaPolicies"]["list"][number];
type Clock = "firstResponse" | "resolution";
interface Duration {
  hours: string;
  minutes: string;
}

const split = (total: number | null): Duration =>
  total === null ? { hours: "", minutes: "" } : { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };

/** Whole hours and minutes (an empty box is zero) → minutes; NaN when either is not a whole number ≥ 0. */
function joined(d: Duration): number {
  const part = (s: string) => (s.trim() === "" ? 0 : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  return part(d.hours) * 60 + part(d.minutes);
}

export function SlaPolicyRow({ policy }: { policy: Policy }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const set = useMutation(trpc.admin.slaPolicies.set.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Record<Clock, Duration>>({
    firstResponse: split(policy.firstResponseMinutes),
    resolution: split(policy.resolutionMinutes),
  });
  const [saved, setSaved] = useState(false);
  const priority = t(`Priorities.${policy.priority}`);
  const id = `sla-${policy.priority}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = {
      priority: policy.priority,
      firstResponseMinutes: joined(values.firstResponse),
      resolutionMinutes: joined(values.resolution),
    };
    const stored = async (parsed: typeof input) => {
      const row = await set.mutateAsync(parsed);
      // 90 minutes typed in the minutes box reads back as 1 h 30 min.
      setValues({ firstResponse: split(row.firstResponseMinutes), resolution: split(row.resolutionMinutes) });
    };
    if (await submit(setSlaPolicyInput, input, stored)) {
      setSaved(true);
      router.refresh();
    }
  }

  const change = (clock: Clock, part: keyof Duration, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [clock]: { ...v[clock], [part]: value } }));
  };

  const box =
    "w-20 rounded-md border border-slate-300 bg-white px-2 py-2 text-base outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900";
  const target = (clock: Clock, field: "firstResponseMinutes" | "resolutionMinutes") => {
    const label = t(`Admin.sla.${clock}`);
    const error = errors.fields[field];
    return (
      <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={error ? `${id}-${clock}-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">{label}</legend>
        <div className="flex items-center gap-2 text-sm">
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className={box}
            aria-label={t("Admin.sla.hoursOf", { clock: label })}
            aria-invalid={error ? true : undefined}
            value={values[clock].hours}
            onChange={(e) => change(clock, "hours", e.target.value)}
          />
          <span aria-hidden>{t("Admin.sla.hours")}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className={box}
            aria-label={t("Admin.sla.minutesOf", { clock: label })}
            aria-invalid={error ? true : undefined}
            value={values[clock].minutes}
            onChange={(e) => change(clock, "minutes", e.target.value)}
          />
          <span aria-hidden>{t("Admin.sla.minutes")}</span>
        </div>
        {error && (
          <p id={`${id}-${clock}-error`} className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </fieldset>
    );
  };

  return (
    <form onSubmit={save} aria-label={priority} data-testid={id} className={`${card} flex flex-col gap-3`} noValidate>
      <div className="grid items-start gap-4 md:grid-cols-[8rem_1fr_1fr_auto]">
        <h2 className="text-lg font-semibold md:pt-6">{priority}</h2>
        {target("firstResponse", "firstResponseMinutes")}
        {target("resolution", "resolutionMinutes")}
        <button type="submit" className={`${buttonClass} self-start md:mt-6`} disabled={set.isPending}>
          {set.isPending ? t("Common.saving") : t("Admin.sla.save")}
        </button>
      </div>
      {policy.firstResponseMinutes === null && <p className="text-sm text-amber-700 dark:text-amber-300">{t("Admin.sla.missing")}</p>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("Admin.sla.saved")}</FormMessage>}
    </form>
  );
}
