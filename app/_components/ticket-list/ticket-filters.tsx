// The search, filters and sort of Mis Tickets: a plain GET form, so the URL carries the state. On
// a phone the filters and sort fold behind one button (FiltersFold); the search stays in view.
import { getTranslations } from "next-intl/server";
import type { ListTicketsInput } from "../../../server/trpc/tickets/list.schema";
import { priorities } from "../../../server/domain/priority-rules";
import { statuses, statusTabs } from "../../../server/domain/state-machine";
import { FiltersFold } from "./filters-fold";
import { TagFilter } from "./tag-filter";

/** `hidden`: the state kept from outside the form (tab, view). `staff`: may sort by SLA deadline and filter by tag. */
export async function TicketFilters({
  input,
  hidden,
  departments,
  staff = false,
}: {
  input: ListTicketsInput;
  hidden: Record<string, string>;
  departments: { id: number; name: string }[];
  staff?: boolean;
}) {
  const t = await getTranslations();
  const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  const label = "flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300";
  const tabStatuses = statusTabs[input.tab] as readonly string[];
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" role="search">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className={`${label} min-w-56 flex-1`}>
        {t("TicketList.search")}
        <input type="search" name="q" defaultValue={input.q} placeholder={t("TicketList.searchPlaceholder")} className={control} />
      </label>
      <FiltersFold
        label={t("TicketList.filters")}
        active={input.status.length + input.priority.length + input.departmentId.length + (staff ? input.tags.length : 0)}
      >
        <label className={label}>
          {t("TicketList.status")}
          <select name="status" defaultValue={input.status[0] ?? ""} className={control}>
            <option value="">{t("TicketList.any")}</option>
            {statuses
              .filter((s) => tabStatuses.includes(s))
              .map((s) => (
                <option key={s} value={s}>
                  {t(`Statuses.${s}`)}
                </option>
              ))}
          </select>
        </label>
        <label className={label}>
          {t("TicketList.priority")}
          <select name="priority" defaultValue={input.priority[0] ?? ""} className={control}>
            <option value="">{t("TicketList.any")}</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`Priorities.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          {t("TicketList.department")}
          <select name="department" defaultValue={input.departmentId[0] ?? ""} className={control}>
            <option value="">{t("TicketList.any")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        {staff && <TagFilter tags={input.tags} className={control} labelClassName={label} />}
        <label className={label}>
          {t("TicketList.sort")}
          <select name="sort" defaultValue={input.sort} className={control}>
            <option value="updated">{t("TicketList.sortUpdated")}</option>
            <option value="created">{t("TicketList.sortCreated")}</option>
            <option value="status">{t("TicketList.sortStatus")}</option>
            {staff && <option value="sla">{t("TicketList.sortSla")}</option>}
          </select>
        </label>
        <label className={label}>
          {t("TicketList.dir")}
          <select name="dir" defaultValue={input.dir} className={control}>
            <option value="desc">{t("TicketList.desc")}</option>
            <option value="asc">{t("TicketList.asc")}</option>
          </select>
        </label>
      </FiltersFold>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {t("TicketList.apply")}
      </button>
    </form>
  );
}
