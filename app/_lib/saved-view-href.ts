// The agent queue's address for a list query: what its filters form would write (view, tab, q,
// status, priority, department, tag, sort, dir), plus the saved view it stands for, if any.
import type { ListTicketsInput } from "../../server/trpc/tickets/list.schema";

type Query = Pick<ListTicketsInput, "view" | "tab" | "q" | "status" | "priority" | "departmentId" | "tags" | "sort" | "dir">;

export function queueQuery(query: Query, savedView?: number): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { view: query.view, tab: query.tab };
  if (query.q) out.q = query.q;
  if (query.status.length) out.status = query.status;
  if (query.priority.length) out.priority = query.priority;
  if (query.departmentId.length) out.department = query.departmentId.map(String);
  if (query.tags.length) out.tag = query.tags;
  out.sort = query.sort;
  out.dir = query.dir;
  if (savedView !== undefined) out.savedView = String(savedView);
  return out;
}

/** The same as a search string ("view=all&priority=high&savedView=3"). */
export function queueSearch(query: Query, savedView?: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(queueQuery(query, savedView)))
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  return search.toString();
}

/** "999+" once a count reaches the cap. */
export const shownCount = (count: number, cap: number) => (count >= cap ? `${cap - 1}+` : String(count));
