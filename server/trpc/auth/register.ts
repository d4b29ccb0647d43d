import { publicProcedure } from "../init";
import { registerUser } from "../../users/register";
import { requireCaptcha } from "../captcha";
import { registerInput, registerOutput } from "./register.schema";

export const register = publicProcedure
  .input(registerInput)
  .output(registerOutput)
  .mutation(async ({ ctx, input }) => {
    // Before anything else: an unsolved form costs no password hash and counts against no mail limit.
    await requireCaptcha(ctx, input.captcha);
    await registerUser(ctx.db, input, ctx.now, { ip: ctx.ip });
    return { email: input.email };
  });
