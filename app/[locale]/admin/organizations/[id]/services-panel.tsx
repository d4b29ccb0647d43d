"use client";
// An organization's services (hosting plan, domain, VPS…): what kind, what identifies it, whether
// customers may still choose it on tickets. A service tickets name is deactivated, not deleted.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  serviceFields,
  serviceKinds,
  serviceUpdateFields,
  type ServiceKindName as ServiceKind,
} from "../../../../../server/organizations/organization-fields";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../../_components/field";
import { useTicketAction } from "../../../../_components/ticket-view/use-ticket-action";
import { useTRPC } from "../../../../_lib/trpc";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { SelectField, card, dangerButtonClass, smallButtonClass } from "../../admin-ui";

interface Service {
  id: string;
  name: string;
  kind: ServiceKind;
  identifier: string;
  active: boolean;
  ticketCount: number;
}

export function ServicesPanel({ organizationId, services }: { organizationId: string; services: Service[] }) {
  const t = useTranslations("Admin.organizations");
  const [notice, setNotice] = useState<string>();
  return (
    <section aria-labelledby="organization-services" className={`${card} flex flex-col gap-4`}>
      <h2 id="organization-services" className="text-lg font-semibold">
        {t("servicesTitle")}
      </h2>
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {services.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("noServices")}</p>}
      <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
        {services.map((s) => (
          <ServiceRow key={s.id} service={s} onNotice={setNotice} />
        ))}
      </ul>
      <h3 className="text-base font-semibold">{t("addService")}</h3>
      <ServiceForm organizationId={organizationId} onDone={setNotice} />
    </section>
  );
}

function ServiceRow({ service: s, onNotice }: { service: Service; onNotice: (n?: string) => void }) {
  const t = useTranslations("Admin.organizations");
  const tk = useTranslations("ServiceKinds");
  const trpc = useTRPC();
  const remove = useMutation(trpc.admin.organizations.removeService.mutationOptions());
  const action = useTicketAction();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="py-3">
        <ServiceForm
          service={s}
          onDone={(n) => {
            setEditing(false);
            onNotice(n);
          }}
        />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span className="min-w-0">
        <span className="font-medium">{s.name}</span> · {tk(s.kind)}
        {s.identifier && <code className="ml-2 text-xs">{s.identifier}</code>}
        {!s.active && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">({t("inactive")})</span>}
        {action.error && <span className="block text-red-600 dark:text-red-400">{action.error}</span>}
      </span>
      <span className="flex gap-2">
        <button type="button" className={smallButtonClass} onClick={() => setEditing(true)} aria-label={t("editNamed", { name: s.name })}>
          {t("edit")}
        </button>
        {(s.active || s.ticketCount === 0) && (
          <button
            type="button"
            className={dangerButtonClass}
            disabled={action.busy}
            aria-label={t(s.ticketCount ? "deactivateNamed" : "deleteNamed", { name: s.name })}
            onClick={async () => {
              let outcome: string | undefined;
              if (await action.run(async () => (outcome = (await remove.mutateAsync({ id: s.id })).outcome))) {
                onNotice(t(outcome === "archived" ? "serviceDeactivated" : "serviceDeleted", { name: s.name }));
              }
            }}
          >
            {t(s.ticketCount ? "deactivate" : "delete")}
          </button>
        )}
      </span>
    </li>
  );
}

function ServiceForm({
  organizationId,
  service,
  onDone,
}: {
  organizationId?: string;
  service?: Service;
  onDone: (notice?: string) => void;
}) {
  const t = useTranslations("Admin.organizations");
  const tk = useTranslations("ServiceKinds");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.organizations.createService.mutationOptions());
  const update = useMutation(trpc.admin.organizations.updateService.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [name, setName] = useState(service?.name ?? "");
  const [kind, setKind] = useState<ServiceKind>(service?.kind ?? "hosting");
  const [identifier, setIdentifier] = useState(service?.identifier ?? "");
  const [active, setActive] = useState(service?.active ?? true);
  const prefix = service ? `service-${service.id}` : "service-new";

  async function save(event: FormEvent) {
    event.preventDefault();
    const ok = service
      ? await submit(serviceUpdateFields, { id: service.id, name, kind, identifier, active }, (input) => update.mutateAsync(input))
      : await submit(serviceFields, { organizationId, name, kind, identifier }, (input) => create.mutateAsync(input));
    if (!ok) return;
    if (!service) {
      setName("");
      setIdentifier("");
    }
    router.refresh();
    onDone(t(service ? "serviceUpdated" : "serviceCreated", { name: name.trim() }));
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-3"
      aria-label={service ? t("editNamed", { name: service.name }) : t("addService")}
    >
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id={`${prefix}-name`}
          label={t("serviceName")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={120}
          autoComplete="off"
        />
        <SelectField
          id={`${prefix}-kind`}
          label={t("serviceKind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as ServiceKind)}
          error={errors.fields.kind}
        >
          {serviceKinds.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${prefix}-identifier`}
          label={t("serviceIdentifier")}
          hint={t("serviceIdentifierHint")}
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          error={errors.fields.identifier}
          maxLength={200}
          autoComplete="off"
        />
      </div>
      {service && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t("serviceActive")}
        </label>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={create.isPending || update.isPending}>
          {t(service ? "save" : "addServiceButton")}
        </button>
        {service && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone()}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
