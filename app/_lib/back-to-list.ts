// The way back from a ticket to the list it was opened from, with that list's filters. A list row
// links to its ticket with `?from=<the list's query>`; the ticket page reads it back. Only the list's
// own parameters survive, and the path is the route's own list: a crafted `from` can change the
// filters shown, never lead anywhere else.

/** The query parameters of Mis Tickets and the agent queue (see their pages). */
const LIST_PARAMS = ["view", "tab", "q", "status", "priority", "department", "tag", "sort", "dir", "savedView"] as const;
const MAX_LENGTH = 1000;

type Search = Record<string, string | string[] | undefined>;

/** The list's state as a query string ("tab=closed&q=web"), from its page's search params. */
export function listQuery(search: Search): string {
  const out = new URLSearchParams();
  for (const key of LIST_PARAMS) {
    const value = search[key];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) if (v) out.append(key, v);
  }
  return out.toString();
}

/** The list to go back to: `listPath` with the filters `from` carried, or the bare list. */
export function backToList(listPath: "/tickets" | "/agent", from: string | string[] | undefined): string {
  const raw = typeof from === "string" && from.length <= MAX_LENGTH ? from : "";
  const search = new URLSearchParams(raw);
  const query = listQuery(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)])));
  return query ? `${listPath}?${query}` : listPath;
}

/** A row's link to its ticket, carrying the list's state. */
export const ticketHref = (basePath: string, reference: string, from: string) =>
  `${basePath}/${reference}${from ? `?from=${encodeURIComponent(from)}` : ""}`;

/** In the browser: the list query of the page being shown (the agent queue's keyboard navigation). */
export function currentListQuery(): string {
  const search = new URLSearchParams(window.location.search);
  return listQuery(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)])));
}
