import { publicProcedure } from "../init";
import { registerUser } from "../../users/register";
import { registerInput } from "./register.schema";

export const register = publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
  await registerUser(ctx.db, input, ctx.now, { ip: ctx.ip });
  return { email: input.email };
});
