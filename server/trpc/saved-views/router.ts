// savedViews.*: the agent queue's saved views, its tab counts and the tag field's suggestions.
import { z } from "zod";
import { router } from "../init";
import {
  createSavedView,
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  reorderSavedViews,
  shareSavedView,
  updateSavedViewQuery,
} from "../../saved-views/saved-views";
import { readStoredQuery, storedQueryOf } from "./stored-query";
import { queueTabCounts } from "../../saved-views/tab-counts";
import { suggestTags } from "../../tickets/tags";
import { savedViewsProcedure } from "./procedure";
import {
  createSavedViewInput,
  renameSavedViewInput,
  reorderSavedViewsInput,
  savedViewId,
  savedViewListOutput,
  shareSavedViewInput,
  tabCountsOutput,
  tagSuggestionsInput,
  tagSuggestionsOutput,
  updateSavedViewQueryInput,
} from "./saved-views.schema";

const done = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

export const savedViewsRouter = router({
  /** The viewer's own views, then those other agents share. */
  list: savedViewsProcedure.output(savedViewListOutput).query(({ ctx }) => listSavedViews(ctx.db, ctx.user, readStoredQuery)),
  create: savedViewsProcedure
    .input(createSavedViewInput)
    .output(z.object({ id: z.number().int() }))
    .mutation(({ ctx, input }) =>
      createSavedView(ctx.db, ctx.user, { name: input.name, query: storedQueryOf(input.query), shared: input.shared }),
    ),
  rename: savedViewsProcedure
    .input(renameSavedViewInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await renameSavedView(ctx.db, ctx.user, input.id, input.name), ok)),
  share: savedViewsProcedure
    .input(shareSavedViewInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await shareSavedView(ctx.db, ctx.user, input.id, input.shared), ok)),
  updateQuery: savedViewsProcedure
    .input(updateSavedViewQueryInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await updateSavedViewQuery(ctx.db, ctx.user, input.id, storedQueryOf(input.query)), ok)),
  remove: savedViewsProcedure
    .input(savedViewId)
    .output(done)
    .mutation(async ({ ctx, input }) => (await deleteSavedView(ctx.db, ctx.user, input.id), ok)),
  reorder: savedViewsProcedure
    .input(reorderSavedViewsInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await reorderSavedViews(ctx.db, ctx.user, input.ids), ok)),
  /** One capped count per queue tab: built-in views, departments, saved views. */
  counts: savedViewsProcedure
    .output(tabCountsOutput)
    .query(({ ctx }) => queueTabCounts(ctx.db, ctx.user, ctx.locale, readStoredQuery, ctx.now)),
  /** The tag filter's suggestions (staff only), the most used first. */
  tagSuggestions: savedViewsProcedure
    .input(tagSuggestionsInput)
    .output(tagSuggestionsOutput)
    .query(({ ctx, input }) => suggestTags(ctx.db, ctx.user, input.typed, 8)),
});
