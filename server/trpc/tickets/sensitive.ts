import { z } from "zod";
import { ticketProcedure } from "./procedure";
import { revealSensitive } from "../../sensitive/sensitive-info";
import { idField, ticketRefField } from "../../validation/fields";
import { revealSensitiveOutput } from "./sensitive.schema";

export const revealSensitiveInput = z.object({ ticket: ticketRefField, messageId: idField });

/** "Mostrar": the sensitive information of one message, for support staff with view_sensitive;
 * recorded in the ticket's history. */
export const revealSensitiveInfo = ticketProcedure
  .input(revealSensitiveInput)
  .output(revealSensitiveOutput)
  .mutation(({ ctx, input }) => revealSensitive(ctx.db, ctx.user, input, ctx.now));
