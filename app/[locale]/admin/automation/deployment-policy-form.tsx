"use client";
// The deployment's automation policy: both delays, how closing days are counted, when a customer
// may close, and one switch per notification email with who receives it. A refusal keeps what was
// typed and shows the reason under the field it is about.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { setDeploymentPolicyInput } from "../../../../server/trpc/admin/automation.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";
import { customerCloseChoices, dayCounts, daysOf, mailSwitches, type PolicySettings } from "./policy-ui";

export function DeploymentPolicyForm({ policy }: { policy: PolicySettings }) {
  const t = useTranslations("Admin.automation");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.automation.setDeployment.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const values = {
      autoResolveDays: daysOf(form.get("autoResolveDays")) ?? Number.NaN,
      autoCloseDays: daysOf(form.get("autoCloseDays")) ?? Number.NaN,
      autoCloseUnit: form.get("autoCloseUnit"),
      customerMayClose: form.get("customerMayClose"),
      ...Object.fromEntries(mailSwitches.map((k) => [k, form.get(k) === "on"])),
    };
    if (await submit(setDeploymentPolicyInput, values, (input) => save.mutateAsync(input))) {
      setSaved(true);
      router.refresh();
    }
  }

  const id = (field: string) => `automation-${field}`;
  return (
    // key: after a save and refresh the fields show what was stored
    <form
      key={JSON.stringify(policy)}
      onSubmit={onSubmit}
      aria-labelledby="automation-deployment"
      className="flex flex-col gap-5"
      noValidate
    >
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("delays")}</legend>
        <Field
          id={id("autoResolveDays")}
          name="autoResolveDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          label={t("autoResolveDays")}
          hint={t("autoResolveHint")}
          defaultValue={policy.autoResolveDays}
          error={errors.fields.autoResolveDays}
        />
        <Field
          id={id("autoCloseDays")}
          name="autoCloseDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          label={t("autoCloseDays")}
          hint={t("autoCloseHint")}
          defaultValue={policy.autoCloseDays}
          error={errors.fields.autoCloseDays}
        />
        <SelectField
          id={id("autoCloseUnit")}
          name="autoCloseUnit"
          label={t("autoCloseUnit")}
          defaultValue={policy.autoCloseUnit}
          error={errors.fields.autoCloseUnit}
        >
          {dayCounts.map((u) => (
            <option key={u} value={u}>
              {t(`unit.${u}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("customerMayClose")}
          name="customerMayClose"
          label={t("customerMayClose")}
          defaultValue={policy.customerMayClose}
          error={errors.fields.customerMayClose}
        >
          {customerCloseChoices.map((c) => (
            <option key={c} value={c}>
              {t(`customerClose.${c}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-base font-semibold">{t("mails")}</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("mailsIntro")}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {mailSwitches.map((k) => (
            <div key={k} className="flex items-start gap-2">
              <input
                id={id(k)}
                name={k}
                type="checkbox"
                defaultChecked={policy[k]}
                aria-describedby={`${id(k)}-hint`}
                className="mt-1 size-4"
              />
              <div className="flex flex-col gap-0.5">
                <label htmlFor={id(k)} className="text-sm font-medium">
                  {t(`mail.${k}`)}
                </label>
                <p id={`${id(k)}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
                  {t(`mail.${k}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("saved")}</FormMessage>}
      <button type="submit" className={`${buttonClass} self-start`} disabled={save.isPending}>
        {save.isPending ? common("saving") : t("save")}
      </button>
    </form>
  );
}
