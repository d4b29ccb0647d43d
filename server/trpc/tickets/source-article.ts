// tickets.sourceArticle: the help-centre article a ticket was opened from, for whoever sees the ticket.
import { z } from "zod";
import { ticketProcedure } from "./procedure";
import { ticketRefInput } from "./actions.schema";
import { ticketSourceArticle } from "../../tickets/source-article";
import { serialId } from "../outputs";

export const sourceArticleOutput = z.object({ id: serialId, title: z.string(), published: z.boolean() }).nullable();

export const sourceArticle = ticketProcedure
  .input(ticketRefInput)
  .output(sourceArticleOutput)
  .query(({ ctx, input }) => ticketSourceArticle(ctx.db, ctx.user, input.ticket));
