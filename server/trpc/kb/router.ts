import { z } from "zod";
import { router } from "../init";
import { ticketProcedure } from "../tickets/procedure";
import { searchArticles } from "../../kb/search";
import { suggestOutput } from "./suggest.schema";
import { optionalTextField } from "../../validation/fields";

export const suggestInput = z.object({ text: optionalTextField(200) });

export const kbRouter = router({
  /** Published articles in the viewer's language that match what they are typing. */
  suggest: ticketProcedure
    .input(suggestInput)
    .output(suggestOutput)
    .query(async ({ ctx, input }) =>
      (await searchArticles(ctx.db, ctx.locale, input.text)).map(({ id, title, excerpt }) => ({ id, title, excerpt })),
    ),
});
