"use client";
// An organization's authorized contacts (seed 004: "Martha de Pagos"), beside its members: people
// who are not members but may open tickets by mail for the categories chosen here. Adding an address
// without an account makes one without a password (they act by mail); the list tells who has not
// chosen a password. Categories are offered by department, as the create form groups them.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { addContactInput, setContactCategoriesInput } from "../../../../server/trpc/organizations/contacts.schema";
import { CheckboxGroup } from "../../../_components/checkbox-group";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { useTRPC } from "../../../_lib/trpc";

type Contacts = inferRouterOutputs<AppRouter>["organizations"]["contacts"]["list"];
type Department = Contacts["departments"][number];

/** Checkboxes of every category, one group per department; ids as numbers. */
function CategoryPicker({
  departments,
  selected,
  onChange,
  error,
}: {
  departments: Department[];
  selected: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const t = useTranslations("Organization.contacts");
  if (!departments.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noCategories")}</p>;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{t("categories")}</legend>
      {departments.map((d) => {
        const own = new Set(d.categories.map((c) => c.id));
        return (
          <CheckboxGroup
            key={d.id}
            legend={d.name}
            options={d.categories.map((c) => ({ id: String(c.id), name: c.name }))}
            selected={selected.filter((id) => own.has(id)).map(String)}
            onChange={(ids) => onChange([...selected.filter((id) => !own.has(id)), ...ids.map(Number)])}
          />
        );
      })}
      {error && <p className="text-sm text-red-600 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}

export function ContactsPanel({ org }: { org: Contacts }) {
  const t = useTranslations("Organization.contacts");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const add = useMutation(trpc.organizations.contacts.add.mutationOptions());
  const setCategories = useMutation(trpc.organizations.contacts.setCategories.mutationOptions());
  const remove = useMutation(trpc.organizations.contacts.remove.mutationOptions());
  const { errors, check, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [categoryIds, setCategoryIds] = useState<number[]>([]);
  /** The contact whose categories are being changed, with the choice so far. */
  const [editing, setEditing] = useState<{ userId: string; categoryIds: number[] }>();

  const categoryName = new Map(org.departments.flatMap((d) => d.categories.map((c) => [c.id, `${d.name} · ${c.name}`] as const)));

  async function act(action: () => Promise<unknown>, message?: string): Promise<boolean> {
    clear();
    setNotice(undefined);
    try {
      await action();
      if (message) setNotice(message);
      router.refresh();
      return true;
    } catch (error) {
      fromError(error);
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = { organizationId: org.id, email, name, locale, categoryIds };
    if (!check(addContactInput, values)) return;
    const shown = email.trim().toLowerCase();
    await act(async () => {
      const result = await add.mutateAsync(values);
      setNotice(t(result.created ? "addedNew" : "added", { email: shown }));
      setEmail("");
      setName("");
      setCategoryIds([]);
    });
  }

  async function saveCategories() {
    if (!editing) return;
    const values = { organizationId: org.id, ...editing };
    if (!check(setContactCategoriesInput, values)) return;
    if (await act(() => setCategories.mutateAsync(values), t("saved"))) setEditing(undefined);
  }

  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`contacts-${org.id}`}
      data-testid="authorized-contacts"
    >
      <div className="flex flex-col gap-1">
        <h2 id={`contacts-${org.id}`} className="text-lg font-semibold">
          {org.name} · {t("title")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro", { organization: org.name })}</p>
      </div>
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {org.contacts.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {org.contacts.map((c) => (
            <li key={c.userId} className="flex flex-col gap-2 py-2 text-sm" data-testid="authorized-contact">
              <div className="flex flex-wrap items-center gap-3">
                <span className="min-w-40 flex-1">
                  <span className="font-medium">{c.name}</span> <span className="text-slate-600 dark:text-slate-400">{c.email}</span>
                  {!c.webAccess && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">({t("mailOnly")})</span>}
                </span>
                {editing?.userId !== c.userId && (
                  <button
                    type="button"
                    className="text-xs underline"
                    aria-label={t("editLabel", { name: c.name })}
                    onClick={() => {
                      clear();
                      setEditing({ userId: c.userId, categoryIds: c.categoryIds });
                    }}
                  >
                    {t("edit")}
                  </button>
                )}
                <button
                  type="button"
                  className="text-xs underline"
                  aria-label={t("removeLabel", { name: c.name })}
                  onClick={() =>
                    void act(() => remove.mutateAsync({ organizationId: org.id, userId: c.userId }), t("removed", { email: c.email }))
                  }
                >
                  {t("remove")}
                </button>
              </div>
              {editing?.userId === c.userId ? (
                <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <CategoryPicker
                    departments={org.departments}
                    selected={editing.categoryIds}
                    onChange={(ids) => setEditing({ userId: c.userId, categoryIds: ids })}
                    error={errors.fields.categoryIds}
                  />
                  <div className="flex gap-2">
                    <button type="button" className={buttonClass} disabled={setCategories.isPending} onClick={() => void saveCategories()}>
                      {t("save")}
                    </button>
                    <button type="button" className={secondaryButtonClass} onClick={() => setEditing(undefined)}>
                      {t("cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {c.categoryIds.map((id) => categoryName.get(id) ?? id).join(", ")}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-wrap gap-3">
          <div className="min-w-56 flex-1">
            <Field
              id={`contact-email-${org.id}`}
              type="email"
              label={t("email")}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.fields.email}
            />
          </div>
          <div className="min-w-56 flex-1">
            <Field
              id={`contact-name-${org.id}`}
              label={t("name")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.fields.name}
            />
          </div>
        </div>
        <CategoryPicker
          departments={org.departments}
          selected={categoryIds}
          onChange={setCategoryIds}
          error={editing ? undefined : errors.fields.categoryIds}
        />
        <div>
          <button type="submit" className={buttonClass} disabled={add.isPending}>
            {t("add")}
          </button>
        </div>
      </form>
    </section>
  );
}
