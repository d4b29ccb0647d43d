"use client";
// The list of canned replies and the form that creates or edits one: shortcut, title, who shares
// it, a text per language (tabs), the macro's changes. A refusal keeps everything typed.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { cannedFields, cannedUpdateFields, macroStatuses, type CannedScope } from "../../../../server/canned-replies/canned-fields";
import { placeholderNames } from "../../../../server/canned-replies/placeholders";
import { priorities } from "../../../../server/domain/priority-rules";
import { locales, type AppLocale } from "../../../../server/i18n/locales";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card, dangerButtonClass, SelectField, smallButtonClass } from "../../admin/admin-ui";

type Reply = {
  id: number;
  shortcut: string;
  title: string;
  scope: CannedScope;
  department: { id: number; name: string } | null;
  texts: Record<AppLocale, string>;
  setStatus: string | null;
  setPriority: string | null;
  addTags: string[];
  canManage: boolean;
};
type Data = { replies: Reply[]; departments: { id: number; name: string }[]; canShareWithEveryone: boolean };

interface Values {
  shortcut: string;
  title: string;
  scope: CannedScope;
  departmentId: number | null;
  texts: Record<AppLocale, string>;
  setStatus: string;
  setPriority: string;
  tags: string;
}
const initial = (r?: Reply): Values => ({
  shortcut: r?.shortcut ?? "",
  title: r?.title ?? "",
  scope: r?.scope ?? "personal",
  departmentId: r?.department?.id ?? null,
  texts: r ? { ...r.texts } : { es: "", en: "", pt: "", fr: "" },
  setStatus: r?.setStatus ?? "",
  setPriority: r?.setPriority ?? "",
  tags: r?.addTags.join(", ") ?? "",
});
const toInput = (v: Values) => ({
  shortcut: v.shortcut,
  title: v.title,
  scope: v.scope,
  departmentId: v.scope === "department" ? v.departmentId : null,
  texts: v.texts,
  setStatus: v.setStatus || null,
  setPriority: v.setPriority || null,
  addTags: v.tags
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
});

function CannedForm({
  data,
  reply,
  defaultLocale,
  onDone,
}: {
  data: Data;
  reply?: Reply;
  defaultLocale: AppLocale;
  onDone: (notice: string) => void;
}) {
  const t = useTranslations("Canned");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.canned.create.mutationOptions());
  const update = useMutation(trpc.canned.update.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Values>(() => initial(reply));
  const [tab, setTab] = useState<AppLocale>(defaultLocale);
  const prefix = reply ? `canned-${reply.id}` : "canned-new";
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];

  async function save(event: FormEvent) {
    event.preventDefault();
    const ok = reply
      ? await submit(cannedUpdateFields, { id: reply.id, ...toInput(values) }, (input) => update.mutateAsync(input))
      : await submit(cannedFields, toInput(values), (input) => create.mutateAsync(input));
    if (ok) {
      onDone(t(reply ? "updated" : "created", { title: values.title.trim() }));
      if (!reply) setValues(initial());
      router.refresh();
    }
  }
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-4" aria-label={reply ? t("editTitle", { title: reply.title }) : t("new")}>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-shortcut`}
          label={t("shortcut")}
          hint={t("shortcutHint")}
          value={values.shortcut}
          onChange={(e) => set({ shortcut: e.target.value })}
          error={errors.fields.shortcut}
          maxLength={40}
          autoComplete="off"
        />
        <Field
          id={`${prefix}-title`}
          label={t("name")}
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
          error={errors.fields.title}
          maxLength={80}
          autoComplete="off"
        />
        <SelectField
          id={`${prefix}-scope`}
          label={t("scope")}
          value={values.scope}
          onChange={(e) => set({ scope: e.target.value as CannedScope })}
          error={errors.fields.scope}
        >
          <option value="personal">{t("scopes.personal")}</option>
          {data.departments.length > 0 && <option value="department">{t("scopes.department")}</option>}
          {data.canShareWithEveryone && <option value="everyone">{t("scopes.everyone")}</option>}
        </SelectField>
        {values.scope === "department" && (
          <SelectField
            id={`${prefix}-department`}
            label={t("department")}
            value={values.departmentId ?? ""}
            onChange={(e) => set({ departmentId: e.target.value ? Number(e.target.value) : null })}
            error={errors.fields.departmentId}
          >
            <option value="">{t("chooseDepartment")}</option>
            {data.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("texts")}</legend>
        <p className="text-xs text-slate-600 dark:text-slate-300">{t("textsHint", { language: tAll(`Locales.${defaultLocale}`) })}</p>
        <div role="tablist" aria-label={t("texts")} className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
          {ordered.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              id={`${prefix}-tab-${l}`}
              aria-selected={tab === l}
              aria-controls={`${prefix}-panel-${l}`}
              onClick={() => setTab(l)}
              className="border-b-2 border-transparent px-3 py-1.5 text-sm aria-selected:border-brand-700 aria-selected:font-semibold"
            >
              {tAll(`Locales.${l}`)}
              {values.texts[l].trim() ? " ✓" : ""}
            </button>
          ))}
        </div>
        {ordered.map((l) => (
          <div key={l} role="tabpanel" id={`${prefix}-panel-${l}`} aria-labelledby={`${prefix}-tab-${l}`} hidden={tab !== l}>
            <label htmlFor={`${prefix}-text-${l}`} className="text-sm font-medium">
              {t("textIn", { language: tAll(`Locales.${l}`) })}
            </label>
            <textarea
              id={`${prefix}-text-${l}`}
              lang={l}
              rows={5}
              value={values.texts[l]}
              onChange={(e) => set({ texts: { ...values.texts, [l]: e.target.value } })}
              aria-invalid={errors.fields.texts ? true : undefined}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
        ))}
        {errors.fields.texts && <p className="text-sm text-red-600 dark:text-red-400">{errors.fields.texts}</p>}
        <details className="text-sm">
          <summary className="cursor-pointer">{t("placeholders")}</summary>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {placeholderNames.map((n) => (
              <li key={n}>
                <code className="font-mono">{`{{${n}}}`}</code> —{" "}
                {t(`placeholderHelp.${n.replace(".", "_")}` as "placeholderHelp.cliente_nombre")}
              </li>
            ))}
          </ul>
        </details>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">{t("macro")}</legend>
        <SelectField
          id={`${prefix}-status`}
          label={t("setStatus")}
          value={values.setStatus}
          onChange={(e) => set({ setStatus: e.target.value })}
          error={errors.fields.setStatus}
        >
          <option value="">{t("noChange")}</option>
          {macroStatuses.map((s) => (
            <option key={s} value={s}>
              {tAll(`Statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${prefix}-priority`}
          label={t("setPriority")}
          value={values.setPriority}
          onChange={(e) => set({ setPriority: e.target.value })}
          error={errors.fields.setPriority}
        >
          <option value="">{t("noChange")}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {tAll(`Priorities.${p}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${prefix}-tags`}
          label={t("addTags")}
          hint={t("addTagsHint")}
          value={values.tags}
          onChange={(e) => set({ tags: e.target.value })}
          error={errors.fields.addTags}
          autoComplete="off"
        />
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={create.isPending || update.isPending}>
          {reply ? t("save") : t("create")}
        </button>
        {reply && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone("")}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

export function CannedManager({ data, defaultLocale }: { data: Data; defaultLocale: AppLocale }) {
  const t = useTranslations("Canned");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const remove = useMutation(trpc.canned.remove.mutationOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string>();
  const changes = (r: Reply) =>
    [
      r.setStatus && t("alsoStatus", { status: tAll(`Statuses.${r.setStatus}` as "Statuses.new") }),
      r.setPriority && t("alsoPriority", { priority: tAll(`Priorities.${r.setPriority}` as "Priorities.low") }),
      r.addTags.length > 0 && t("alsoTags", { tags: r.addTags.join(", ") }),
    ].filter(Boolean);
  return (
    <div className="flex flex-col gap-6">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      <section className={card} aria-labelledby="canned-list-title">
        <h2 id="canned-list-title" className="mb-3 text-lg font-semibold">
          {t("list")}
        </h2>
        {data.replies.length === 0 && <p className="text-sm">{t("empty")}</p>}
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {data.replies.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3" data-testid="canned-row">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-semibold">::{r.shortcut}</span>
                <span>{r.title}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">
                  {r.scope === "department" ? r.department?.name : t(`badges.${r.scope}`)}
                </span>
                {changes(r).length > 0 && (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                    {t("also", { changes: changes(r).join(" · ") })}
                  </span>
                )}
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  {t("languages")}:{" "}
                  {locales
                    .filter((l) => r.texts[l])
                    .map((l) => l.toUpperCase())
                    .join(", ")}
                </span>
                {r.canManage && editing !== r.id && (
                  <span className="ml-auto flex gap-2">
                    <button
                      type="button"
                      className={smallButtonClass}
                      onClick={() => setEditing(r.id)}
                      aria-label={`${t("edit")}: ${r.title}`}
                    >
                      {t("edit")}
                    </button>
                    <button
                      type="button"
                      className={dangerButtonClass}
                      aria-label={`${t("delete")}: ${r.title}`}
                      onClick={async () => {
                        if (!window.confirm(t("confirmDelete", { title: r.title }))) return;
                        await remove.mutateAsync({ id: r.id });
                        setNotice(t("deleted", { title: r.title }));
                        router.refresh();
                      }}
                    >
                      {t("delete")}
                    </button>
                  </span>
                )}
              </div>
              {editing === r.id && (
                <CannedForm
                  data={data}
                  reply={r}
                  defaultLocale={defaultLocale}
                  onDone={(n) => {
                    setEditing(null);
                    if (n) setNotice(n);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className={card} aria-labelledby="canned-new-title">
        <h2 id="canned-new-title" className="mb-3 text-lg font-semibold">
          {t("new")}
        </h2>
        <CannedForm data={data} defaultLocale={defaultLocale} onDone={setNotice} />
      </section>
    </div>
  );
}
