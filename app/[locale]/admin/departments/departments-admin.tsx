"use client";
// Admin > Departments: a search over departments and categories, a card per department (its names,
// agents, categories with their descriptions) with edit, archive or delete, and forms for new ones.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { FormMessage } from "../../../_components/field";
import { useTicketAction } from "../../../_components/ticket-view/use-ticket-action";
import { Link } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";
import { card, smallButtonClass } from "../admin-ui";
import { RemoveOrRestore } from "../remove-or-restore";
import { CategoryForm } from "./category-form";
import { DepartmentForm } from "./department-form";

type Output = inferRouterOutputs<AppRouter>["admin"]["departments"]["list"];
export type AdminDepartment = Output["departments"][number];
export type AdminCategory = AdminDepartment["categories"][number];
export type Agent = Output["agents"][number];

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function DepartmentsAdmin({ data }: { data: Output }) {
  const t = useTranslations("Admin.departments");
  const [query, setQuery] = useState("");
  const [notice, setNotice] = useState<string>();
  const q = fold(query.trim());
  const matches = (d: AdminDepartment) =>
    !q ||
    [...Object.values(d.names), d.slug, ...d.categories.flatMap((c) => [...Object.values(c.names), c.slug])].some((text) =>
      fold(text).includes(q),
    );
  const shown = data.departments.filter(matches);
  return (
    <div className="flex flex-col gap-4">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      <div className="flex flex-col gap-1">
        <label htmlFor="department-search" className="text-sm font-medium">
          {t("search")}
        </label>
        <input
          id="department-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-base outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      {shown.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("noMatch")}</p>}
      <ul className="flex flex-col gap-4">
        {shown.map((d) => (
          <li key={d.id}>
            <DepartmentCard department={d} data={data} onNotice={setNotice} />
          </li>
        ))}
      </ul>
      <section aria-labelledby="department-new" className={card}>
        <h2 id="department-new" className="mb-4 text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <DepartmentForm agents={data.agents} defaultLocale={data.defaultLocale} />
      </section>
    </div>
  );
}

function DepartmentCard({ department: d, data, onNotice }: { department: AdminDepartment; data: Output; onNotice: (n?: string) => void }) {
  const t = useTranslations("Admin.departments");
  const trpc = useTRPC();
  const remove = useMutation(trpc.admin.departments.remove.mutationOptions());
  const restore = useMutation(trpc.admin.departments.restore.mutationOptions());
  const action = useTicketAction();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const headingId = `department-${d.id}-title`;
  return (
    <article aria-labelledby={headingId} className={`${card} flex flex-col gap-4 ${d.archived ? "opacity-80" : ""}`}>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {editing ? (
        <DepartmentForm
          department={d}
          agents={data.agents}
          defaultLocale={data.defaultLocale}
          onDone={(notice) => {
            setEditing(false);
            onNotice(notice);
          }}
        />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <h2 id={headingId} className="text-lg font-semibold">
              {d.name}
              {d.archived && (
                <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                  {t("archived")}
                </span>
              )}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <code>{d.slug}</code> · {t("ticketCount", { count: d.ticketCount })}
              {d.sensitiveInfo && <> · {t("sensitiveShort")}</>}
            </p>
            <p className="text-sm">
              <span className="font-medium">{t("agents")}:</span> {d.agents.map((a) => a.name).join(", ") || t("noAgentsYet")}
            </p>
            <p className="text-sm">
              <span className="font-medium">{t("intake")}:</span> {d.intakeAddresses.join(", ") || t("noIntake")}{" "}
              <Link href="/admin/intake" className="text-brand-700 underline dark:text-brand-500">
                {t("manageIntake")}
              </Link>
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={smallButtonClass}
              onClick={() => setEditing(true)}
              aria-label={t("editNamed", { name: d.name })}
            >
              {t("edit")}
            </button>
            <RemoveOrRestore
              namespace="Admin.departments"
              name={d.name}
              archived={d.archived}
              ticketCount={d.ticketCount}
              busy={action.busy}
              onRestore={async () => {
                if (await action.run(() => restore.mutateAsync({ id: d.id }))) onNotice(t("restored", { name: d.name }));
              }}
              onRemove={async () => {
                let outcome: string | undefined;
                if (await action.run(async () => (outcome = (await remove.mutateAsync({ id: d.id })).outcome))) {
                  onNotice(t(outcome === "archived" ? "archivedNotice" : "deletedNotice", { name: d.name }));
                }
              }}
            />
          </div>
        </div>
      )}
      <section aria-label={t("categoriesOf", { name: d.name })} className="flex flex-col gap-2">
        <h3 className="text-base font-semibold">{t("categories")}</h3>
        {d.categories.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("noCategories")}</p>}
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {d.categories.map((c) => (
            <CategoryRow key={c.id} category={c} departmentId={d.id} data={data} onNotice={onNotice} />
          ))}
        </ul>
        {adding ? (
          <CategoryForm
            departmentId={d.id}
            defaultLocale={data.defaultLocale}
            onDone={(notice) => {
              setAdding(false);
              onNotice(notice);
            }}
          />
        ) : (
          <button type="button" className={`${smallButtonClass} self-start`} onClick={() => setAdding(true)}>
            {t("addCategoryTo", { name: d.name })}
          </button>
        )}
      </section>
    </article>
  );
}

function CategoryRow({
  category: c,
  departmentId,
  data,
  onNotice,
}: {
  category: AdminCategory;
  departmentId: number;
  data: Output;
  onNotice: (n?: string) => void;
}) {
  const t = useTranslations("Admin.departments");
  const trpc = useTRPC();
  const remove = useMutation(trpc.admin.departments.removeCategory.mutationOptions());
  const restore = useMutation(trpc.admin.departments.restoreCategory.mutationOptions());
  const action = useTicketAction();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="py-3">
        <CategoryForm
          departmentId={departmentId}
          category={c}
          defaultLocale={data.defaultLocale}
          onDone={(notice) => {
            setEditing(false);
            onNotice(notice);
          }}
        />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-2">
      <div className="min-w-0">
        <p className="font-medium">
          {c.name}
          {c.archived && (
            <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
              {t("archived")}
            </span>
          )}
          <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{t("ticketCount", { count: c.ticketCount })}</span>
        </p>
        {c.descriptions[data.defaultLocale] && (
          <p className="text-sm text-slate-600 dark:text-slate-400">{c.descriptions[data.defaultLocale]}</p>
        )}
        {action.error && <p className="text-sm text-red-600 dark:text-red-400">{action.error}</p>}
      </div>
      <div className="flex gap-2">
        <button type="button" className={smallButtonClass} onClick={() => setEditing(true)} aria-label={t("editNamed", { name: c.name })}>
          {t("edit")}
        </button>
        <RemoveOrRestore
          namespace="Admin.departments"
          name={c.name}
          archived={c.archived}
          ticketCount={c.ticketCount}
          busy={action.busy}
          onRestore={async () => {
            if (await action.run(() => restore.mutateAsync({ id: c.id }))) onNotice(t("restored", { name: c.name }));
          }}
          onRemove={async () => {
            let outcome: string | undefined;
            if (await action.run(async () => (outcome = (await remove.mutateAsync({ id: c.id })).outcome))) {
              onNotice(t(outcome === "archived" ? "archivedNotice" : "deletedNotice", { name: c.name }));
            }
          }}
        />
      </div>
    </li>
  );
}
