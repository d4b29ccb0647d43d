"use client";
// Creating or editing a department: its name in every language, its identifier, whether its forms
// offer the sensitive box, and its agents. A refusal keeps everything typed.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { departmentFields, departmentUpdateFields } from "../../../../server/departments/department-fields";
import type { AppLocale } from "../../../../server/i18n/locales";
import { CheckboxGroup } from "../../../_components/checkbox-group";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { NamesFields, emptyNames, type NamesValue } from "../names-fields";
import type { AdminDepartment, Agent } from "./departments-admin";

interface Values {
  names: NamesValue;
  slug: string;
  sensitiveInfo: boolean;
  takeOnReply: boolean;
  agentIds: string[];
}

const initial = (d?: AdminDepartment): Values =>
  d
    ? {
        names: { ...d.names },
        slug: d.slug,
        sensitiveInfo: d.sensitiveInfo,
        takeOnReply: d.takeOnReply,
        agentIds: d.agents.map((a) => a.id),
      }
    : { names: emptyNames(), slug: "", sensitiveInfo: false, takeOnReply: true, agentIds: [] };

export function DepartmentForm({
  department,
  agents,
  defaultLocale,
  onDone,
}: {
  department?: AdminDepartment;
  agents: Agent[];
  defaultLocale: AppLocale;
  onDone?: (notice?: string) => void;
}) {
  const t = useTranslations("Admin.departments");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.departments.create.mutationOptions());
  const update = useMutation(trpc.admin.departments.update.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Values>(() => initial(department));
  const [notice, setNotice] = useState<string>();
  const prefix = department ? `department-${department.id}` : "department-new";
  const pending = create.isPending || update.isPending;

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    if (department) {
      const ok = await submit(departmentUpdateFields(defaultLocale), { id: department.id, ...values }, (input) =>
        update.mutateAsync(input),
      );
      if (ok) {
        router.refresh();
        onDone?.(t("updated", { name: values.names[defaultLocale].trim() }));
      }
      return;
    }
    const ok = await submit(departmentFields(defaultLocale), values, (input) => create.mutateAsync(input));
    if (ok) {
      setNotice(t("created", { name: values.names[defaultLocale].trim() }));
      setValues(initial());
      router.refresh();
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-4"
      aria-label={department ? t("editTitle", { name: department.name }) : t("createTitle")}
    >
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <NamesFields
        id={`${prefix}-name`}
        legend={t("names")}
        value={values.names}
        onChange={(names) => setValues((v) => ({ ...v, names }))}
        defaultLocale={defaultLocale}
        errors={errors.fields}
        field="names"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-slug`}
          label={t("slug")}
          hint={t("slugHint")}
          value={values.slug}
          onChange={(e) => setValues((v) => ({ ...v, slug: e.target.value }))}
          error={errors.fields.slug}
          maxLength={60}
          autoComplete="off"
        />
        <label className="flex items-center gap-2 self-center text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={values.sensitiveInfo}
            onChange={(e) => setValues((v) => ({ ...v, sensitiveInfo: e.target.checked }))}
          />
          {t("sensitiveInfo")}
        </label>
        <label className="flex items-center gap-2 self-center text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={values.takeOnReply}
            onChange={(e) => setValues((v) => ({ ...v, takeOnReply: e.target.checked }))}
          />
          {t("takeOnReply")}
        </label>
      </div>
      <CheckboxGroup
        legend={t("agents")}
        options={agents.map((a) => ({ id: a.id, name: a.name }))}
        selected={values.agentIds}
        onChange={(agentIds) => setValues((v) => ({ ...v, agentIds }))}
        empty={t("noAgents")}
        error={errors.fields.agentIds}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("saving") : t(department ? "save" : "create")}
        </button>
        {department && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone?.()}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
