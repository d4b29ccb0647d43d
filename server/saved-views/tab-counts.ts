// The agent queue's tab counts: the built-in views (Sin asignar, Mis tickets, SLA en riesgo, Todos),
// one per department and one per saved view, each one COUNT through the list's own where-clause
// (list-query.ts) and the visibility rule, stopped at `tabCountCap` ("999+"), so a tab costs a
// bounded index read however large its department is.
import type { Db } from "../db";
import { isStaff } from "../access/principal";
import { visibleScope, type Viewer } from "../access/visibility";
import { AppError } from "../errors/app-error";
import { countSql } from "../tickets/list-query";
import { departmentsOf } from "../departments/list";
import type { Principal } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import { listSavedViews, type ReadStoredQuery, type StoredQuery } from "./saved-views";

export const tabCountCap = 1000;

/** How many tickets a query matches for this viewer, at most `tabCountCap`. */
export async function countFor(db: Db, viewer: Viewer, query: StoredQuery, now: Date): Promise<number> {
  const sql = countSql(visibleScope(viewer), { ...query, viewerId: viewer.id, staff: isStaff(viewer), now }, tabCountCap);
  if (!sql) return 0;
  const [row] = await db.$queryRaw<{ count: number }[]>(sql);
  return row!.count;
}

type QueueView = StoredQuery["view"];
const queueViews: QueueView[] = ["unassigned", "mine", "sla", "all"];

/** What each built-in tab of the queue page shows: the page's defaults (the active tickets). */
export const builtinQuery = (view: QueueView, departmentId?: number): StoredQuery => ({
  view,
  tab: "active",
  q: "",
  status: [],
  priority: [],
  departmentId: departmentId ? [departmentId] : [],
  tags: [],
  sort: "updated",
  dir: "desc",
});

export async function queueTabCounts(db: Db, viewer: Principal, locale: AppLocale, readStoredQuery: ReadStoredQuery, now: Date) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const [departments, views] = await Promise.all([departmentsOf(db, viewer, locale), listSavedViews(db, viewer, readStoredQuery)]);
  const [builtin, perDepartment, perView] = await Promise.all([
    Promise.all(queueViews.map(async (view) => [view, await countFor(db, viewer, builtinQuery(view), now)] as const)),
    Promise.all(departments.map(async (d) => ({ id: d.id, count: await countFor(db, viewer, builtinQuery("all", d.id), now) }))),
    Promise.all(views.map(async (v) => ({ id: v.id, count: await countFor(db, viewer, v.query, now) }))),
  ]);
  return {
    cap: tabCountCap,
    builtin: Object.fromEntries(builtin) as Record<QueueView, number>,
    departments: perDepartment,
    views: perView,
  };
}
