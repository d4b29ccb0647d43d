"use client";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../../server/trpc/router";
import { createTicketInput } from "../../../../../server/trpc/tickets/create.schema";
import { ticketTypes } from "../../../../../server/domain/priority-rules";
import { AttachmentPicker } from "../../../../_components/attachments/attachment-picker";
import { SensitiveField } from "../../../../_components/attachments/sensitive-field";
import { useUploads } from "../../../../_components/attachments/use-uploads";
import { CaptchaWidget, captchaSolution } from "../../../../_components/captcha/captcha-widget";
import { CheckboxGroup } from "../../../../_components/checkbox-group";
import { Field, FormMessage, buttonClass } from "../../../../_components/field";
import { useRouter } from "../../../../_i18n/navigation";
import { useDraft } from "../../../../_lib/use-draft";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { useTRPC } from "../../../../_lib/trpc";
import { KbSuggestions } from "./kb-suggestions";
import { SourceArticleNote } from "./source-article-note";

type Options = inferRouterOutputs<AppRouter>["tickets"]["formOptions"];
const empty = {
  type: "",
  departmentId: "",
  categoryId: "",
  organizationId: "",
  serviceIds: [] as string[],
  subject: "",
  description: "",
  watcherIds: [] as string[],
  /** Sent only where the policy lets customers choose (seed 002: medium unless they say otherwise). */
  priority: "medium",
};

export function NewTicketForm({
  options,
  draftKey,
  sourceArticle = null,
}: {
  options: Options;
  draftKey: string;
  /** The help-centre article the form was opened from: the ticket records it. */
  sourceArticle?: { id: number; title: string } | null;
}) {
  const t = useTranslations("TicketForm");
  const tTypes = useTranslations("TicketTypes");
  const tk = useTranslations("ServiceKinds");
  const tPriorities = useTranslations("Priorities");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.tickets.create.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const defaults = { ...empty, organizationId: options.organizations[0]?.id ?? "" };
  const draft = useDraft(draftKey, defaults);
  const v = draft.values;
  const set = (patch: Partial<typeof v>) => draft.setValues({ ...v, ...patch });

  const department = options.departments.find((d) => String(d.id) === v.departmentId);
  // Seed 004: each category says what it is for, so the customer picks the right one.
  const categoryDescription = department?.categories.find((c) => String(c.id) === v.categoryId)?.description;
  const organization = options.organizations.find((o) => o.id === v.organizationId);
  const priorityChoices = options.priorityChoices;
  // A draft kept from before the policy changed may hold a priority no longer offered.
  const priority = priorityChoices?.find((p) => p === v.priority) ?? "medium";
  // Never in the draft: sensitive information must not rest in the browser's storage.
  const [sensitive, setSensitive] = useState("");
  const uploads = useUploads({ organizationId: v.organizationId || null }, options.attachments, draftKey);
  // Where an admin asks for the CAPTCHA: a new widget after a refusal (its solution was spent).
  const [captchaRound, setCaptchaRound] = useState(0);
  // Not in the draft: it comes with the link the form was opened from, and can be taken off.
  const [fromArticle, setFromArticle] = useState(sourceArticle);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploads.uploading) return;
    const captcha = options.captcha ? captchaSolution(new FormData(event.currentTarget)) : undefined;
    const values = {
      ...v,
      organizationId: v.organizationId || null,
      attachmentIds: uploads.ready.map((u) => u.id),
      // The box exists only in departments that offer it; a value typed elsewhere is not sent.
      sensitive: department?.sensitiveInfo ? sensitive : undefined,
      // Only where customers choose; otherwise the rule table decides and nothing is sent.
      priority: priorityChoices ? priority : undefined,
      captcha,
      sourceArticleId: fromArticle?.id ?? null,
    };
    // On a refusal the draft stays: nothing typed is lost.
    let sent = false;
    const done = await submitForm(createTicketInput, values, async (input) => {
      sent = true;
      const ticket = await create.mutateAsync(input);
      draft.clear();
      uploads.clear();
      setSensitive("");
      router.push(`/tickets/${ticket.reference}`);
    });
    if (!done && sent && options.captcha) setCaptchaRound((n) => n + 1);
  }

  const select =
    "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900 aria-[invalid]:border-red-500";
  const fieldError = (name: string) =>
    errors.fields[name] && (
      <p id={`${name}-error`} className="text-sm text-red-600 dark:text-red-400">
        {errors.fields[name]}
      </p>
    );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      {draft.restored && (
        <FormMessage kind="success">
          {t("draftRestored")}{" "}
          <button type="button" className="underline" onClick={() => draft.clear()}>
            {t("discardDraft")}
          </button>
        </FormMessage>
      )}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {fromArticle && <SourceArticleNote article={fromArticle} onRemove={() => setFromArticle(null)} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="type" className="text-sm font-medium">
            {t("type")}
          </label>
          <select
            id="type"
            value={v.type}
            onChange={(e) => set({ type: e.target.value })}
            className={select}
            aria-invalid={!!errors.fields.type || undefined}
          >
            <option value="">{t("choose")}</option>
            {ticketTypes.map((type) => (
              <option key={type} value={type}>
                {tTypes(type)}
              </option>
            ))}
          </select>
          {fieldError("type")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="organizationId" className="text-sm font-medium">
            {t("organization")}
          </label>
          <select
            id="organizationId"
            value={v.organizationId}
            onChange={(e) => set({ organizationId: e.target.value, serviceIds: [], watcherIds: [] })}
            className={select}
          >
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            <option value="">{t("noOrganization")}</option>
          </select>
          {fieldError("organizationId")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="departmentId" className="text-sm font-medium">
            {t("department")}
          </label>
          <select
            id="departmentId"
            value={v.departmentId}
            onChange={(e) => set({ departmentId: e.target.value, categoryId: "" })}
            className={select}
            aria-invalid={!!errors.fields.departmentId || undefined}
          >
            <option value="">{t("choose")}</option>
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {fieldError("departmentId")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="categoryId" className="text-sm font-medium">
            {t("category")}
          </label>
          <select
            id="categoryId"
            value={v.categoryId}
            onChange={(e) => set({ categoryId: e.target.value })}
            className={select}
            disabled={!department}
            aria-invalid={!!errors.fields.categoryId || undefined}
            aria-describedby={categoryDescription ? "categoryId-description" : undefined}
          >
            <option value="">{t("choose")}</option>
            {department?.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {categoryDescription && (
            <p id="categoryId-description" className="text-sm text-slate-600 dark:text-slate-400">
              {categoryDescription}
            </p>
          )}
          {fieldError("categoryId")}
        </div>
        {priorityChoices && (
          <div className="flex flex-col gap-1">
            <label htmlFor="priority" className="text-sm font-medium">
              {t("priority")}
            </label>
            <select
              id="priority"
              value={priority}
              onChange={(e) => set({ priority: e.target.value })}
              className={select}
              aria-invalid={!!errors.fields.priority || undefined}
              aria-describedby={errors.fields.priority ? "priority-hint priority-error" : "priority-hint"}
            >
              {priorityChoices.map((p) => (
                <option key={p} value={p}>
                  {tPriorities(p)}
                </option>
              ))}
            </select>
            <p id="priority-hint" className="text-xs text-slate-500 dark:text-slate-400">
              {t("priorityHint")}
            </p>
            {fieldError("priority")}
          </div>
        )}
      </div>
      {organization && (
        <CheckboxGroup
          legend={t("service")}
          options={organization.services.map((s) => ({
            id: s.id,
            name: `${s.name} (${[tk(s.kind), s.identifier].filter(Boolean).join(" · ")})`,
          }))}
          selected={v.serviceIds}
          onChange={(serviceIds) => set({ serviceIds })}
          empty={t("noServices")}
          error={errors.fields.serviceIds}
        />
      )}
      <Field
        id="subject"
        label={t("subject")}
        value={v.subject}
        onChange={(e) => set({ subject: e.target.value })}
        error={errors.fields.subject}
        maxLength={200}
      />
      <KbSuggestions text={v.subject} />
      <div className="flex flex-col gap-1">
        <label htmlFor="description" className="text-sm font-medium">
          {t("description")}
        </label>
        <textarea
          id="description"
          rows={8}
          value={v.description}
          onChange={(e) => set({ description: e.target.value })}
          onPaste={uploads.onPaste}
          aria-invalid={!!errors.fields.description || undefined}
          aria-describedby={errors.fields.description ? "description-error" : undefined}
          className={`${select} text-base`}
        />
        {fieldError("description")}
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t("attachments")}</legend>
        <AttachmentPicker uploads={uploads} limits={options.attachments} />
        {fieldError("attachmentIds")}
      </fieldset>
      {department?.sensitiveInfo && (
        <SensitiveField id="sensitive" value={sensitive} onChange={setSensitive} error={errors.fields.sensitive} />
      )}
      {uploads.uploading && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {t("waitForUploads")}
        </p>
      )}
      {organization && (
        <CheckboxGroup
          legend={t("watchers")}
          options={organization.members}
          selected={v.watcherIds}
          onChange={(watcherIds) => set({ watcherIds })}
          empty={t("noMembers")}
          error={errors.fields.watcherIds}
        />
      )}
      {options.captcha && <CaptchaWidget key={captchaRound} />}
      <button type="submit" className={`${buttonClass} self-start`} disabled={create.isPending || uploads.uploading}>
        {create.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
