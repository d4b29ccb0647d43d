import { ticketProcedure } from "./procedure";
import { exportTickets } from "../../tickets/export/export-tickets";
import { exportInput, exportOutput } from "./export.schema";

/** Streams the export (the client reads it with httpBatchStreamLink and shows the progress). */
export const exportFile = ticketProcedure
  .input(exportInput)
  .output(exportOutput)
  .mutation(async function* ({ ctx, input }) {
    yield* exportTickets(ctx.db, ctx.user, ctx.locale, input);
  });
