// The queue's bulk bar: one change for the selected tickets; each refused ticket is reported with
// the reason in the agent's language, the others still change.
import { staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { bulkChange } from "../../tickets/bulk";
import { translator } from "../../i18n/translate";
import { bulkInput, bulkOutput } from "./bulk.schema";

export const bulk = ticketProcedure
  .use(staffOnly)
  .input(bulkInput)
  .output(bulkOutput)
  .mutation(async ({ ctx, input }) => {
    const outcomes = await bulkChange(
      ctx.db,
      ctx.user,
      input.tickets,
      {
        assigneeId: input.assigneeId === "me" ? ctx.user.id : input.assigneeId,
        status: input.status,
        priority: input.priority,
        departmentId: input.departmentId,
        tags: { add: input.addTags, remove: input.removeTags },
      },
      ctx.now,
    );
    const t = translator(ctx.locale);
    return {
      changed: outcomes.filter((o) => o.ok).length,
      results: outcomes.map((o) =>
        o.ok
          ? { ticket: o.ref, ok: true as const, reference: o.reference }
          : { ticket: o.ref, ok: false as const, code: o.code, message: t(`Errors.${o.messageKey}`) },
      ),
    };
  });
