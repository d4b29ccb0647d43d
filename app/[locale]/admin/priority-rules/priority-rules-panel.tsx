"use client";
// The rule table (priority changed in place, rules removed) and the form adding a rule. Saving a
// rule for a (type, category) pair that already has one changes that rule: the notice says so.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { savePriorityRuleInput } from "../../../../server/trpc/admin/priority-rules.schema";
import { priorities, ticketTypes } from "../../../../server/domain/priority-rules";
import { FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField, card, dangerButtonClass, selectClass } from "../admin-ui";

type List = inferRouterOutputs<AppRouter>["admin"]["priorityRules"]["list"];
type Rule = List["rules"][number];

export function PriorityRulesPanel({
  rules,
  departments,
  fallback,
  applied = true,
}: {
  rules: Rule[];
  departments: List["departments"];
  fallback: string;
  /** False while customers choose the priority: the table is kept but not applied. */
  applied?: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const upsert = useMutation(trpc.admin.priorityRules.upsert.mutationOptions());
  const remove = useMutation(trpc.admin.priorityRules.remove.mutationOptions());
  const table = useFormErrors();
  const form = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [added, setAdded] = useState<string>();
  const [type, setType] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [priority, setPriority] = useState("medium");

  const typeName = (r: Pick<Rule, "type">) => (r.type ? t(`TicketTypes.${r.type}`) : t("Admin.priorityRules.any"));
  const categoryName = (r: Pick<Rule, "category">) =>
    r.category
      ? t("Admin.priorityRules.categoryIn", { category: r.category.name, department: r.category.department.name })
      : t("Admin.priorityRules.any");

  async function act(action: () => Promise<unknown>, message: string) {
    table.clear();
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      router.refresh();
    } catch (error) {
      table.fromError(error);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    setAdded(undefined);
    const values = { type: type || null, categoryId: categoryId ? Number(categoryId) : null, priority };
    await form.submit(savePriorityRuleInput, values, async (input) => {
      const result = await upsert.mutateAsync(input);
      setAdded(t(result.created ? "Admin.priorityRules.added" : "Admin.priorityRules.updated"));
      router.refresh();
    });
  }

  const th = "px-3 py-2 text-left font-medium";
  return (
    <div className="flex flex-col gap-6">
      <section className={`${card} flex flex-col gap-3`} aria-label={t("Admin.nav.priorityRules")}>
        {notice && <FormMessage kind="success">{notice}</FormMessage>}
        {table.errors.form && <FormMessage kind="error">{table.errors.form}</FormMessage>}
        {rules.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {applied ? t("Admin.priorityRules.empty", { fallback }) : t("Admin.priorityRules.emptyUnused")}
          </p>
        ) : (
          <div className="-mx-5 overflow-x-auto px-5">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className={th}>
                    {t("Admin.priorityRules.type")}
                  </th>
                  <th scope="col" className={th}>
                    {t("Admin.priorityRules.category")}
                  </th>
                  <th scope="col" className={th}>
                    {t("Admin.priorityRules.priority")}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("Admin.priorityRules.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {rules.map((r) => {
                  const names = { type: typeName(r), category: categoryName(r) };
                  return (
                    <tr key={r.id} data-testid="priority-rule">
                      <td className="px-3 py-2">{names.type}</td>
                      <td className="px-3 py-2">{names.category}</td>
                      <td className="px-3 py-2">
                        {/* key: after the page refreshes, the select shows what was stored */}
                        <select
                          key={`${r.id}-${r.priority}`}
                          aria-label={t("Admin.priorityRules.priorityOf", names)}
                          defaultValue={r.priority}
                          className={selectClass}
                          disabled={upsert.isPending}
                          onChange={(e) =>
                            void act(
                              () =>
                                upsert.mutateAsync({
                                  type: r.type,
                                  categoryId: r.categoryId,
                                  priority: e.target.value as Rule["priority"],
                                }),
                              t("Admin.priorityRules.saved"),
                            )
                          }
                        >
                          {priorities.map((p) => (
                            <option key={p} value={p}>
                              {t(`Priorities.${p}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="px-3 py-2 text-right">
                        <button
                          type="button"
                          className={dangerButtonClass}
                          aria-label={t("Admin.priorityRules.removeRule", names)}
                          disabled={remove.isPending}
                          onClick={() => void act(() => remove.mutateAsync({ id: r.id }), t("Admin.priorityRules.removed"))}
                        >
                          {t("Admin.priorityRules.remove")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={card} aria-labelledby="new-rule">
        <h2 id="new-rule" className="mb-4 text-lg font-semibold">
          {t("Admin.priorityRules.newRule")}
        </h2>
        <form onSubmit={add} className="flex flex-col gap-4" noValidate>
          {added && <FormMessage kind="success">{added}</FormMessage>}
          {form.errors.form && <FormMessage kind="error">{form.errors.form}</FormMessage>}
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              id="rule-type"
              label={t("Admin.priorityRules.type")}
              value={type}
              onChange={(e) => setType(e.target.value)}
              error={form.errors.fields.type}
            >
              <option value="">{t("Admin.priorityRules.any")}</option>
              {ticketTypes.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`TicketTypes.${ty}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="rule-category"
              label={t("Admin.priorityRules.category")}
              value={categoryId}
              onChange={(e) => setCategoryId(e.target.value)}
              error={form.errors.fields.categoryId}
            >
              <option value="">{t("Admin.priorityRules.any")}</option>
              {departments.map((d) => (
                <optgroup key={d.id} label={d.name}>
                  {d.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t("Admin.priorityRules.categoryIn", { category: c.name, department: d.name })}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField
              id="rule-priority"
              label={t("Admin.priorityRules.priority")}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
              error={form.errors.fields.priority}
            >
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {t(`Priorities.${p}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <button type="submit" className={`${buttonClass} self-start`} disabled={upsert.isPending}>
            {t("Admin.priorityRules.add")}
          </button>
        </form>
      </section>
    </div>
  );
}
