"use client";
// One department's override of the automation policy, folded under a summary of what applies to it.
// Every field offers "Inherit (value)" as its empty choice, showing the general value it follows;
// saving replaces the override as a whole, and "Inherit everything" removes it.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { setDepartmentPolicyInput } from "../../../../server/trpc/admin/automation.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField, card, smallButtonClass } from "../admin-ui";
import { customerCloseChoices, dayCounts, daysOf, mailSwitches, type DepartmentEntry, type PolicySettings } from "./policy-ui";

/** A switch select: "" inherits, "true" / "false" set it; anything else is left for the schema to refuse. */
const switchOf = (raw: FormDataEntryValue | null) =>
  raw === "" || raw === null ? null : raw === "true" ? true : raw === "false" ? false : raw;
const choiceOf = (raw: FormDataEntryValue | null) => (raw === "" || raw === null ? null : raw);

export function DepartmentPolicyForm({ department, deployment }: { department: DepartmentEntry; deployment: PolicySettings }) {
  const t = useTranslations("Admin.automation");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.automation.setDepartment.mutationOptions());
  const clear = useMutation(trpc.admin.automation.clearDepartment.mutationOptions());
  const { errors, submit, fromError, clear: clearErrors } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const { id: departmentId, name, override, effective } = department;
  const own = override ? Object.values(override).filter((v) => v !== null).length : 0;
  const busy = save.isPending || clear.isPending;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const form = new FormData(event.currentTarget);
    const values = {
      departmentId,
      autoResolveDays: daysOf(form.get("autoResolveDays")),
      autoCloseDays: daysOf(form.get("autoCloseDays")),
      autoCloseUnit: choiceOf(form.get("autoCloseUnit")),
      customerMayClose: choiceOf(form.get("customerMayClose")),
      ...Object.fromEntries(mailSwitches.map((k) => [k, switchOf(form.get(k))])),
    };
    if (await submit(setDepartmentPolicyInput, values, (input) => save.mutateAsync(input))) {
      setNotice(t("departmentSaved", { name }));
      router.refresh();
    }
  }

  async function inheritAll() {
    setNotice(undefined);
    clearErrors();
    try {
      await clear.mutateAsync({ departmentId });
      setNotice(t("cleared", { name }));
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  const id = (field: string) => `automation-${departmentId}-${field}`;
  const inherit = (value: string) => t("inherit", { value });
  const days = (count: number) => t("daysValue", { count });
  const sendLabel = (on: boolean) => (on ? t("send") : t("dontSend"));
  const offMails = mailSwitches.filter((k) => !effective[k]).length;

  return (
    <details className={card} data-testid={`automation-department-${departmentId}`}>
      <summary className="cursor-pointer">
        <span className="inline-flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span className="text-base font-semibold">{name}</span>
          <span className={own ? "text-sm font-medium text-brand-700 dark:text-brand-500" : "text-sm text-slate-500 dark:text-slate-400"}>
            {own ? t("overrides", { count: own }) : t("inheritsAll")}
          </span>
        </span>
        <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
          {t("effectiveDelays", { resolve: effective.autoResolveDays, close: effective.autoCloseDays, unit: effective.autoCloseUnit })}{" "}
          {t("effectiveClose", { choice: t(`customerClose.${effective.customerMayClose}`) })} {t("effectiveMails", { off: offMails })}
        </span>
      </summary>
      {/* key: after a save and refresh the fields show what was stored */}
      <form key={JSON.stringify(override)} onSubmit={onSubmit} aria-label={name} className="mt-4 flex flex-col gap-5" noValidate>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id={id("autoResolveDays")}
            name="autoResolveDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            label={t("autoResolveDays")}
            hint={t("inheritNumberHint")}
            placeholder={inherit(days(deployment.autoResolveDays))}
            defaultValue={override?.autoResolveDays ?? ""}
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
            hint={t("inheritNumberHint")}
            placeholder={inherit(days(deployment.autoCloseDays))}
            defaultValue={override?.autoCloseDays ?? ""}
            error={errors.fields.autoCloseDays}
          />
          <SelectField
            id={id("autoCloseUnit")}
            name="autoCloseUnit"
            label={t("autoCloseUnit")}
            defaultValue={override?.autoCloseUnit ?? ""}
            error={errors.fields.autoCloseUnit}
          >
            <option value="">{inherit(t(`unit.${deployment.autoCloseUnit}`))}</option>
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
            defaultValue={override?.customerMayClose ?? ""}
            error={errors.fields.customerMayClose}
          >
            <option value="">{inherit(t(`customerClose.${deployment.customerMayClose}`))}</option>
            {customerCloseChoices.map((c) => (
              <option key={c} value={c}>
                {t(`customerClose.${c}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="flex flex-col gap-3">
          <legend className="text-base font-semibold">{t("mails")}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {mailSwitches.map((k) => (
              <SelectField
                key={k}
                id={id(k)}
                name={k}
                label={t(`mail.${k}`)}
                hint={t(`mail.${k}Hint`)}
                defaultValue={override?.[k] == null ? "" : String(override[k])}
                error={errors.fields[k]}
              >
                <option value="">{inherit(sendLabel(deployment[k]))}</option>
                <option value="true">{t("send")}</option>
                <option value="false">{t("dontSend")}</option>
              </SelectField>
            ))}
          </div>
        </fieldset>
        {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
        {notice && <FormMessage kind="success">{notice}</FormMessage>}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass} disabled={busy}>
            {save.isPending ? common("saving") : t("saveDepartment", { name })}
          </button>
          {override && (
            <button
              type="button"
              className={smallButtonClass}
              disabled={busy}
              onClick={() => void inheritAll()}
              aria-label={t("clearOf", { name })}
            >
              {t("clear")}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
