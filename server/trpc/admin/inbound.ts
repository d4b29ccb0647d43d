import { countInboundAttention, discardInboundMail, listInboundMails, reprocessInboundMail } from "../../inbound/admin/inbound-mails";
import { adminProcedure, router } from "../init";
import { okOutput } from "../outputs";
import { inboundCountsOutput, inboundIdInput, listInboundInput, listInboundOutput } from "./inbound.schema";

const ok = { ok: true as const };

/** Administración › Correo entrante: the stored mails, above all those waiting for a person, and
 * what to do with each. The raw message is a download of its own (app/api/admin/inbound/[id]/eml). */
export const inboundRouter = router({
  list: adminProcedure
    .input(listInboundInput)
    .output(listInboundOutput)
    .query(({ ctx, input }) => listInboundMails(ctx.db, input)),
  counts: adminProcedure.output(inboundCountsOutput).query(({ ctx }) => countInboundAttention(ctx.db)),
  /** Back to the processor: pending now, no attempts, no claim, no recorded outcome. */
  reprocess: adminProcedure
    .input(inboundIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await reprocessInboundMail(ctx.db, input.id, ctx.now);
      return ok;
    }),
  discard: adminProcedure
    .input(inboundIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await discardInboundMail(ctx.db, input.id);
      return ok;
    }),
});
