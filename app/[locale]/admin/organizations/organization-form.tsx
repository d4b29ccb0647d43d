"use client";
// Creating or editing an organization: name, whether plain members see all its tickets, and the
// calendar of its plan. A refusal keeps everything typed; a new organization opens its page, where
// members and services are added.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { organizationFields, organizationUpdateFields } from "../../../../server/organizations/organization-fields";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useRouter as useLocaleRouter } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";

interface Calendar {
  id: number;
  name: string;
  isDefault: boolean;
}

export function OrganizationForm({
  organization,
  calendars,
}: {
  organization?: { id: string; name: string; membersSeeAllTickets: boolean; calendarId: number | null };
  calendars: Calendar[];
}) {
  const t = useTranslations("Admin.organizations");
  const router = useRouter();
  const localeRouter = useLocaleRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.organizations.create.mutationOptions());
  const update = useMutation(trpc.admin.organizations.update.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [name, setName] = useState(organization?.name ?? "");
  const [seeAll, setSeeAll] = useState(organization?.membersSeeAllTickets ?? false);
  const [calendarId, setCalendarId] = useState(organization?.calendarId ? String(organization.calendarId) : "");
  const [notice, setNotice] = useState<string>();
  const prefix = organization ? `organization-${organization.id}` : "organization-new";

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const values = { name, membersSeeAllTickets: seeAll, calendarId: calendarId ? Number(calendarId) : null };
    if (organization) {
      if (await submit(organizationUpdateFields, { id: organization.id, ...values }, (input) => update.mutateAsync(input))) {
        setNotice(t("updated", { name: name.trim() }));
        router.refresh();
      }
      return;
    }
    let createdId: string | undefined;
    if (await submit(organizationFields, values, async (input) => (createdId = (await create.mutateAsync(input)).id))) {
      localeRouter.push(`/admin/organizations/${createdId}`);
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-4"
      aria-label={organization ? t("editTitle", { name: organization.name }) : t("createTitle")}
    >
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-name`}
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={120}
          autoComplete="off"
        />
        <SelectField
          id={`${prefix}-calendar`}
          label={t("calendar")}
          hint={t("calendarHint")}
          value={calendarId}
          onChange={(e) => setCalendarId(e.target.value)}
          error={errors.fields.calendarId}
        >
          <option value="">{t("calendarInherited")}</option>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" checked={seeAll} onChange={(e) => setSeeAll(e.target.checked)} />
        {t("membersSeeAll")}
      </label>
      <div>
        <button type="submit" className={buttonClass} disabled={create.isPending || update.isPending}>
          {create.isPending || update.isPending ? t("saving") : t(organization ? "save" : "create")}
        </button>
      </div>
    </form>
  );
}
