"use client";
// Which calendar each department and each organization runs on. "Default" (null) follows whichever
// calendar is the default; choosing one names it explicitly. Saved as soon as it is chosen.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { FormMessage } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { selectClass } from "../admin-ui";

type Assignments = inferRouterOutputs<AppRouter>["admin"]["calendars"]["assignments"];
type Target =
  | { kind: "department"; id: number; name: string; calendarId: number | null }
  | { kind: "organization"; id: string; name: string; calendarId: number | null };

export function CalendarAssignment({
  calendars,
  assignments,
}: {
  calendars: { id: number; name: string; isDefault: boolean }[];
  assignments: Assignments;
}) {
  const t = useTranslations("Admin.assignment");
  const router = useRouter();
  const trpc = useTRPC();
  const assign = useMutation(trpc.admin.calendars.assign.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const fallback = calendars.find((c) => c.isDefault);
  const defaultLabel = fallback ? t("useDefault", { name: fallback.name }) : t("useDefaultNone");

  async function choose(target: Target, value: string) {
    clear();
    setNotice(undefined);
    const calendarId = value ? Number(value) : null;
    try {
      await assign.mutateAsync(
        target.kind === "department" ? { departmentId: target.id, calendarId } : { organizationId: target.id, calendarId },
      );
      setNotice(t("saved", { name: target.name }));
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  const group = (title: string, targets: Target[]) => (
    <section className="flex min-w-0 flex-col gap-2" aria-label={title}>
      <h3 className="text-base font-semibold">{title}</h3>
      {targets.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {targets.map((target) => (
          <li
            key={`${target.kind}-${target.id}`}
            className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-3"
          >
            <label htmlFor={`assign-${target.kind}-${target.id}`} className="text-sm">
              {target.name}
            </label>
            {/* key: after the page refreshes, the select shows what was stored */}
            <select
              id={`assign-${target.kind}-${target.id}`}
              key={`${target.id}-${target.calendarId ?? "default"}`}
              aria-label={t("calendarOf", { name: target.name })}
              defaultValue={target.calendarId === null ? "" : String(target.calendarId)}
              disabled={assign.isPending}
              onChange={(e) => void choose(target, e.target.value)}
              className={`${selectClass} w-full sm:w-64`}
            >
              <option value="">{defaultLabel}</option>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <div className="flex flex-col gap-4">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-6 lg:grid-cols-2">
        {group(
          t("departments"),
          assignments.departments.map((d) => ({ kind: "department" as const, ...d })),
        )}
        {group(
          t("organizations"),
          assignments.organizations.map((o) => ({ kind: "organization" as const, ...o })),
        )}
      </div>
    </div>
  );
}
