// profile.tokens.list / create / revoke: one's own personal access tokens (server/api-auth).
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "../../api-auth/personal-tokens";
import { protectedProcedure, router } from "../init";
import { okOutput } from "../outputs";
import { createdTokenOutput, createTokenInput, revokeTokenInput, tokenListOutput } from "./tokens.schema";

export const tokensRouter = router({
  list: protectedProcedure.output(tokenListOutput).query(({ ctx }) => listPersonalTokens(ctx.db, ctx.user)),
  create: protectedProcedure
    .input(createTokenInput)
    .output(createdTokenOutput)
    .mutation(({ ctx, input }) => createPersonalToken(ctx.db, ctx.user, input, ctx.now)),
  revoke: protectedProcedure
    .input(revokeTokenInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await revokePersonalToken(ctx.db, ctx.user, input.id, ctx.now);
      return { ok: true as const };
    }),
});
