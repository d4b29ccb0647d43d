"use client";
// Inviting an agent or an admin: the account is made with its departments, and the person gets an
// email in the chosen language to choose a password. A refusal keeps everything typed.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { locales, type AppLocale } from "../../../../server/i18n/locales";
import { staffInvitationFields } from "../../../../server/users/staff-fields";
import { CheckboxGroup } from "../../../_components/checkbox-group";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";

export function InviteStaffForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations("Admin.people");
  const tl = useTranslations("Locales");
  const router = useRouter();
  const trpc = useTRPC();
  const invite = useMutation(trpc.admin.users.invite.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<"agent" | "admin">("agent");
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const pageLocale = useLocale() as AppLocale;
  const [language, setLanguage] = useState<AppLocale>(pageLocale);
  const [notice, setNotice] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const values = { email, name, role, departmentIds: departmentIds.map(Number), locale: language };
    if (await submit(staffInvitationFields, values, (input) => invite.mutateAsync(input))) {
      setNotice(t("invited", { email: email.trim().toLowerCase() }));
      setEmail("");
      setName("");
      setDepartmentIds([]);
      router.refresh();
    }
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-4" aria-label={t("inviteTitle")}>
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="invite-email"
          type="email"
          label={t("email")}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          autoComplete="off"
        />
        <Field
          id="invite-name"
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={120}
          autoComplete="off"
        />
        <SelectField
          id="invite-role"
          label={t("role")}
          value={role}
          onChange={(e) => setRole(e.target.value as "agent" | "admin")}
          error={errors.fields.role}
        >
          <option value="agent">{t("roles.agent")}</option>
          <option value="admin">{t("roles.admin")}</option>
        </SelectField>
        <SelectField
          id="invite-locale"
          label={t("language")}
          value={language}
          onChange={(e) => setLanguage(e.target.value as AppLocale)}
          error={errors.fields.locale}
        >
          {locales.map((l) => (
            <option key={l} value={l}>
              {tl(l)}
            </option>
          ))}
        </SelectField>
      </div>
      {role === "agent" && (
        <CheckboxGroup
          legend={t("departments")}
          options={departments}
          selected={departmentIds}
          onChange={setDepartmentIds}
          error={errors.fields.departmentIds}
        />
      )}
      <div>
        <button type="submit" className={buttonClass} disabled={invite.isPending}>
          {invite.isPending ? t("inviting") : t("invite")}
        </button>
      </div>
    </form>
  );
}
