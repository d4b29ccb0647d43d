// savedViews.*: the queue's saved views. A view's query is the ticket list's own input (filters and
// sort), validated by that schema; its page, cursor and size are not kept.
import { z } from "zod";
import { lineField, optionalTextField, serialIdField } from "../../validation/fields";
import { listTicketsInput, queueViews } from "../tickets/list.schema";
import { savedViewNameMax, savedViewsMax } from "../../saved-views/saved-views";
import { tagNameMax } from "../../tickets/tags";

const nameField = lineField(savedViewNameMax);
export const savedViewId = z.object({ id: serialIdField });

export const createSavedViewInput = z.object({ name: nameField, query: listTicketsInput, shared: z.boolean().default(false) });
export const renameSavedViewInput = z.object({ id: serialIdField, name: nameField });
export const shareSavedViewInput = z.object({ id: serialIdField, shared: z.boolean() });
export const updateSavedViewQueryInput = z.object({ id: serialIdField, query: listTicketsInput });
export const reorderSavedViewsInput = z.object({ ids: z.array(serialIdField).max(savedViewsMax) });
export const tagSuggestionsInput = z.object({ typed: optionalTextField(tagNameMax).default("") });

const storedQuery = listTicketsInput.pick({
  view: true,
  tab: true,
  q: true,
  status: true,
  priority: true,
  departmentId: true,
  tags: true,
  sort: true,
  dir: true,
});

export const savedViewOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }),
  canEdit: z.boolean(),
  query: storedQuery,
  /** Part of the stored query no longer fit the list's schema and was dropped. */
  stale: z.boolean(),
});
export const savedViewListOutput = z.array(savedViewOutput);

const count = z.number().int().min(0);
export const tabCountsOutput = z.object({
  /** Counts stop here; the page shows "999+". */
  cap: z.number().int(),
  builtin: z.object(Object.fromEntries(queueViews.map((v) => [v, count])) as Record<(typeof queueViews)[number], typeof count>),
  departments: z.array(z.object({ id: z.number().int(), count })),
  views: z.array(z.object({ id: z.number().int(), count })),
});

export const tagSuggestionsOutput = z.array(z.object({ name: z.string(), uses: z.number().int() }));
