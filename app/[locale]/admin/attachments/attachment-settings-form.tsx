"use client";
// Allowed types (checked by name and by content), MB per message, uploads per person per hour, MB
// per organization, and the departments whose forms offer the sensitive-information box.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { fileTypes } from "../../../../server/files/file-types";
import { attachmentSettingsInput } from "../../../../server/trpc/admin/attachments.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

type Settings = inferRouterOutputs<AppRouter>["admin"]["attachments"]["get"];
const MB = 1024 * 1024;

export function AttachmentSettingsForm({ settings }: { settings: Settings }) {
  const t = useTranslations("Admin.attachments");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.attachments.set.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [saved, setSaved] = useState(false);
  const { policy, departments } = settings;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const values = {
      allowedTypes: form.getAll("allowedTypes"),
      maxMessageMb: form.get("maxMessageMb"),
      uploadsPerHour: form.get("uploadsPerHour"),
      orgQuotaMb: form.get("orgQuotaMb"),
      sensitiveDepartmentIds: form.getAll("sensitiveDepartmentIds"),
    };
    if (await submit(attachmentSettingsInput, values, (input) => save.mutateAsync(input))) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form key={JSON.stringify(settings)} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.fields.allowedTypes ? "allowedTypes-error" : undefined}>
        <legend className="mb-1 text-base font-semibold">{t("allowedTypes")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {fileTypes.map((type) => (
            <label key={type.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="allowedTypes"
                value={type.id}
                defaultChecked={policy.allowedTypes.includes(type.id)}
                className="size-4"
              />
              {type.extensions.join(" ")}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("contentChecked")}</p>
        {errors.fields.allowedTypes && (
          <p id="allowedTypes-error" className="text-sm text-red-600 dark:text-red-400">
            {errors.fields.allowedTypes}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          id="maxMessageMb"
          name="maxMessageMb"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t("maxMessageMb")}
          defaultValue={Math.round(policy.maxMessageBytes / MB)}
          error={errors.fields.maxMessageMb}
        />
        <Field
          id="uploadsPerHour"
          name="uploadsPerHour"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t("uploadsPerHour")}
          defaultValue={policy.uploadsPerHour}
          error={errors.fields.uploadsPerHour}
        />
        <Field
          id="orgQuotaMb"
          name="orgQuotaMb"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t("orgQuotaMb")}
          defaultValue={Math.round(policy.orgQuotaBytes / MB)}
          error={errors.fields.orgQuotaMb}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-base font-semibold">{t("sensitiveDepartments")}</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("sensitiveHint")}</p>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sensitiveDepartmentIds" value={d.id} defaultChecked={d.sensitiveInfo} className="size-4" />
              {d.name}
            </label>
          ))}
        </div>
      </fieldset>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("saved")}</FormMessage>}
      <button type="submit" className={`${buttonClass} self-start`} disabled={save.isPending}>
        {t("save")}
      </button>
    </form>
  );
}
