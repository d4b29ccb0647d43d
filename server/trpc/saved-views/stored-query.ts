// A saved view's query: the ticket list's filters and sort (what the queue's URL carries), never its
// page, cursor or size. It is checked with the list input's own schema when saved and again when
// read: a view saved before the schema changed (a status renamed, a filter removed) keeps whatever
// of it is still valid, so one old view never breaks the queue page.
import type { StoredQuery } from "../../saved-views/saved-views";
import { listTicketsInput, type ListTicketsInput } from "../tickets/list.schema";

export const storedQueryKeys = [
  "view",
  "tab",
  "q",
  "status",
  "priority",
  "departmentId",
  "tags",
  "sort",
  "dir",
] as const satisfies (keyof StoredQuery)[];

const pick = (input: ListTicketsInput): StoredQuery => Object.fromEntries(storedQueryKeys.map((k) => [k, input[k]])) as StoredQuery;

/** A list input reduced to what a view keeps (the caller has validated it already). */
export const storedQueryOf = (input: ListTicketsInput): StoredQuery => pick(input);

/** The stored JSON as a valid query; `stale` when some of it no longer was (and was dropped). */
export function readStoredQuery(json: unknown): { query: StoredQuery; stale: boolean } {
  const whole = listTicketsInput.safeParse(json);
  if (whole.success) return { query: pick(whole.data), stale: false };
  const source = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  // Field by field: what still parses stays, the rest falls back to the list's defaults.
  const kept: Record<string, unknown> = {};
  for (const key of storedQueryKeys) {
    if (!(key in source)) continue;
    if (listTicketsInput.safeParse({ [key]: source[key] }).success) kept[key] = source[key];
  }
  const partial = listTicketsInput.safeParse(kept);
  return { query: pick(partial.success ? partial.data : listTicketsInput.parse({})), stale: true };
}
