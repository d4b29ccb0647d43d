// Tags on a ticket (staff only): change them, and suggest existing ones as the agent types.
import { router, staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { changeTags, suggestTags } from "../../tickets/tags";
import { changeTagsInput, changeTagsOutput, setTagsInput, suggestTagsInput, suggestTagsOutput } from "./tags.schema";

const staffProcedure = ticketProcedure.use(staffOnly);

export const tagsRouter = router({
  change: staffProcedure
    .input(changeTagsInput)
    .output(changeTagsOutput)
    .mutation(({ ctx, input }) => changeTags(ctx.db, ctx.user, input.ticket, { add: input.add, remove: input.remove }, ctx.now)),
  set: staffProcedure
    .input(setTagsInput)
    .output(changeTagsOutput)
    .mutation(({ ctx, input }) => changeTags(ctx.db, ctx.user, input.ticket, { set: input.tags }, ctx.now)),
  suggest: staffProcedure
    .input(suggestTagsInput)
    .output(suggestTagsOutput)
    .query(({ ctx, input }) => suggestTags(ctx.db, ctx.user, input.q)),
});
