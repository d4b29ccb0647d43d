import { z } from "zod";
import { publicProcedure } from "../init";
import { activateAccount } from "../../users/register";

export const activateInput = z.object({ token: z.string().min(10).max(200) });

export const activate = publicProcedure.input(activateInput).mutation(({ ctx, input }) => activateAccount(ctx.db, input.token, ctx.now));
