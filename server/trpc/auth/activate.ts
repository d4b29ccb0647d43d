import { z } from "zod";
import { publicProcedure } from "../init";
import { activateAccount } from "../../users/register";

export const activateInput = z.object({ token: z.string().min(10).max(200) });
/** The activated account's address. */
export const activateOutput = z.object({ email: z.string() });

export const activate = publicProcedure
  .input(activateInput)
  .output(activateOutput)
  .mutation(({ ctx, input }) => activateAccount(ctx.db, input.token, ctx.now));
