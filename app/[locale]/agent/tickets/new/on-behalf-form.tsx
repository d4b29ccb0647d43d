"use client";
// The form support opens a ticket with for a customer: organization, the customer (a member of it,
// searched by name or address), department and category (of the agent's departments), subject,
// first message and how the customer reached support (phone by default, or email). Validated with
// onBehalf.open's own schema; a refusal keeps everything typed.
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ticketTypes } from "../../../../../server/domain/priority-rules";
import { onBehalfChannels, openOnBehalfInput } from "../../../../../server/trpc/on-behalf/on-behalf.schema";
import { Field, FormMessage, buttonClass } from "../../../../_components/field";
import { useRouter } from "../../../../_i18n/navigation";
import { useTRPC } from "../../../../_lib/trpc";
import { useFormErrors } from "../../../../_lib/use-form-errors";

interface Department {
  id: number;
  name: string;
  categories: { id: number; name: string }[];
}

const control =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900";

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

export function OnBehalfForm({ organizations, departments }: { organizations: { id: string; name: string }[]; departments: Department[] }) {
  const t = useTranslations("OnBehalf");
  const tt = useTranslations("TicketTypes");
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.onBehalf.open.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState({
    organizationId: "",
    requesterId: "",
    q: "",
    type: "incident" as (typeof ticketTypes)[number],
    departmentId: departments.length === 1 ? String(departments[0]!.id) : "",
    categoryId: "",
    subject: "",
    body: "",
    channel: "phone" as (typeof onBehalfChannels)[number],
  });
  // A field's refusal goes away as soon as it is edited; the others stay until the next try.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setEdited((e) => new Set([...e, ...Object.keys(patch)]));
  };
  const requesters = useQuery(
    trpc.onBehalf.requesters.queryOptions(
      values.organizationId ? { organizationId: values.organizationId, q: values.q.trim() } : skipToken,
    ),
  );
  const department = departments.find((d) => String(d.id) === values.departmentId);
  const fe = Object.fromEntries(Object.entries(errors.fields).filter(([key]) => !edited.has(key)));
  const invalid = (key: string) => (fe[key] ? { "aria-invalid": true, "aria-describedby": `${key}-error` } : {});

  return (
    <form
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={async (e: FormEvent) => {
        e.preventDefault();
        const input = {
          organizationId: values.organizationId,
          requesterId: values.requesterId,
          type: values.type,
          departmentId: values.departmentId,
          categoryId: values.categoryId || null,
          subject: values.subject,
          body: values.body,
          channel: values.channel,
        };
        setEdited(new Set());
        let reference = "";
        const ok = await submit(openOnBehalfInput, input, async (parsed) => {
          reference = (await open.mutateAsync(parsed)).reference;
        });
        if (ok) router.push(`/agent/tickets/${reference}`);
      }}
    >
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="flex flex-col gap-1">
        <label htmlFor="organizationId" className="text-sm font-medium">
          {t("organization")}
        </label>
        <select
          id="organizationId"
          className={control}
          value={values.organizationId}
          onChange={(e) => set({ organizationId: e.target.value, requesterId: "" })}
          {...invalid("organizationId")}
        >
          <option value="">{t("chooseOrganization")}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldError id="organizationId" error={fe.organizationId} />
      </div>

      {values.organizationId && (
        <fieldset className="flex flex-col gap-2" aria-describedby={fe.requesterId ? "requesterId-error" : undefined}>
          <legend className="text-sm font-medium">{t("requester")}</legend>
          <Field
            id="requester-search"
            type="search"
            label={t("searchRequester")}
            value={values.q}
            onChange={(e) => set({ q: e.target.value })}
          />
          {requesters.data && requesters.data.length === 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-300">{t("noMatches")}</p>
          )}
          <ul className="flex max-h-60 flex-col gap-1 overflow-y-auto" data-testid="requester-results">
            {requesters.data?.map((u) => (
              <li key={u.id}>
                <label className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                  <input
                    type="radio"
                    name="requesterId"
                    className="mt-1"
                    value={u.id}
                    checked={values.requesterId === u.id}
                    onChange={() => set({ requesterId: u.id })}
                  />
                  <span className="min-w-0">
                    <span className="font-medium">{u.name}</span>{" "}
                    <span className="break-all text-slate-600 dark:text-slate-300">{u.email}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="requesterId" error={fe.requesterId} />
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="departmentId" className="text-sm font-medium">
            {t("department")}
          </label>
          <select
            id="departmentId"
            className={control}
            value={values.departmentId}
            onChange={(e) => set({ departmentId: e.target.value, categoryId: "" })}
            {...invalid("departmentId")}
          >
            <option value="">{t("chooseDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError id="departmentId" error={fe.departmentId} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="categoryId" className="text-sm font-medium">
            {t("category")}
          </label>
          <select
            id="categoryId"
            className={control}
            value={values.categoryId}
            onChange={(e) => set({ categoryId: e.target.value })}
            {...invalid("categoryId")}
          >
            <option value="">{t("noCategory")}</option>
            {department?.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="categoryId" error={fe.categoryId} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="type" className="text-sm font-medium">
            {t("type")}
          </label>
          <select id="type" className={control} value={values.type} onChange={(e) => set({ type: e.target.value as typeof values.type })}>
            {ticketTypes.map((type) => (
              <option key={type} value={type}>
                {tt(type)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{t("channel")}</legend>
          <div className="flex flex-wrap gap-4 py-2">
            {onBehalfChannels.map((channel) => (
              <label key={channel} className="flex items-center gap-2 text-sm">
                <input type="radio" name="channel" value={channel} checked={values.channel === channel} onChange={() => set({ channel })} />
                {t(`channels.${channel}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <Field
        id="subject"
        label={t("subject")}
        value={values.subject}
        error={fe.subject}
        onChange={(e) => set({ subject: e.target.value })}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="body" className="text-sm font-medium">
          {t("body")}
        </label>
        <textarea
          id="body"
          rows={6}
          className={control}
          value={values.body}
          onChange={(e) => set({ body: e.target.value })}
          aria-invalid={fe.body ? true : undefined}
          aria-describedby={`body-hint${fe.body ? " body-error" : ""}`}
        />
        <p id="body-hint" className="text-xs text-slate-600 dark:text-slate-300">
          {t("bodyHint")}
        </p>
        <FieldError id="body" error={fe.body} />
      </div>
      <button type="submit" className={buttonClass} disabled={open.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
