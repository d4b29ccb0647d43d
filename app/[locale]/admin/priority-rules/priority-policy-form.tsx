"use client";
// Who sets a new ticket's priority: the rule table (seed 000, the default) or the customer, who picks
// low, medium or urgent (seed 002); and the fallback priority. A refusal keeps the choice made and
// shows the reason under the field it is about.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { priorityModes, setPriorityPolicyInput } from "../../../../server/trpc/admin/priority-rules.schema";
import { priorities } from "../../../../server/domain/priority-rules";
import { FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";

type Policy = inferRouterOutputs<AppRouter>["admin"]["priorityRules"]["policy"];

const modeText = { rules: "rules", customer_choice: "customerChoice" } as const;

export function PriorityPolicyForm({ policy, labelledBy }: { policy: Policy; labelledBy: string }) {
  const t = useTranslations("Admin.priorityRules.policy");
  const tPriorities = useTranslations("Priorities");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.priorityRules.setPolicy.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const values = { mode: form.get("mode"), fallback: form.get("fallback") };
    if (await submit(setPriorityPolicyInput, values, (input) => save.mutateAsync(input))) {
      setSaved(true);
      router.refresh();
    }
  }

  const id = (field: string) => `priority-policy-${field}`;
  return (
    // key: after a save and refresh the fields show what was stored
    <form key={JSON.stringify(policy)} onSubmit={onSubmit} aria-labelledby={labelledBy} className="flex flex-col gap-5" noValidate>
      <fieldset className="flex flex-col gap-3" aria-describedby={errors.fields.mode ? id("mode-error") : undefined}>
        <legend className="mb-1 text-base font-semibold">{t("who")}</legend>
        {priorityModes.map((mode) => (
          <div key={mode} className="flex items-start gap-2">
            <input
              id={id(mode)}
              name="mode"
              type="radio"
              value={mode}
              defaultChecked={policy.mode === mode}
              aria-describedby={`${id(mode)}-hint`}
              aria-invalid={errors.fields.mode ? true : undefined}
              className="mt-1 size-4"
            />
            <div className="flex flex-col gap-0.5">
              <label htmlFor={id(mode)} className="text-sm font-medium">
                {t(modeText[mode])}
              </label>
              <p id={`${id(mode)}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
                {t(`${modeText[mode]}Hint`)}
              </p>
            </div>
          </div>
        ))}
        {errors.fields.mode && (
          <p id={id("mode-error")} className="text-sm text-red-600 dark:text-red-400">
            {errors.fields.mode}
          </p>
        )}
      </fieldset>
      <div className="max-w-xs">
        <SelectField
          id={id("fallback")}
          name="fallback"
          label={t("fallback")}
          hint={t("fallbackHint")}
          defaultValue={policy.fallback}
          error={errors.fields.fallback}
        >
          {priorities.map((p) => (
            <option key={p} value={p}>
              {tPriorities(p)}
            </option>
          ))}
        </SelectField>
      </div>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("saved")}</FormMessage>}
      <button type="submit" className={`${buttonClass} self-start`} disabled={save.isPending}>
        {save.isPending ? common("saving") : t("save")}
      </button>
    </form>
  );
}
