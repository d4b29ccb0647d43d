// The help centre: public procedures (a sign-in is asked for only when the security policy says so).
import { publicProcedure, router } from "../init";
import { assertHelpOpen, helpArticle, helpHome, helpSearch, voteOnArticle, voterKey } from "../../kb/help-centre";
import { AppError } from "../../errors/app-error";
import {
  helpAccessOutput,
  helpArticleInput,
  helpArticleOutput,
  helpHomeInput,
  helpHomeOutput,
  helpSearchInput,
  helpSearchOutput,
  helpVoteInput,
  helpVoteOutput,
} from "./help.schema";

/** Every help procedure checks first that the reader may read the help centre. */
const helpProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await assertHelpOpen(ctx.db, ctx.user);
  return next();
});

export const helpRouter = router({
  /** Answers when the reader may read the help centre (refused: UNAUTHORIZED). */
  access: helpProcedure.output(helpAccessOutput).query(() => ({ open: true as const })),
  home: helpProcedure
    .input(helpHomeInput)
    .output(helpHomeOutput)
    .query(({ ctx, input }) => helpHome(ctx.db, input?.locale ?? ctx.locale)),
  search: helpProcedure
    .input(helpSearchInput)
    .output(helpSearchOutput)
    .query(({ ctx, input }) => helpSearch(ctx.db, input.locale ?? ctx.locale, input.text)),
  article: helpProcedure
    .input(helpArticleInput)
    .output(helpArticleOutput)
    .query(({ ctx, input }) => helpArticle(ctx.db, input.id, input.locale ?? ctx.locale, voterKey(ctx.user, ctx.helpVoter?.id ?? null))),
  /** "¿Fue útil?": a signed-out reader without the cookie gets one with this first vote. */
  vote: helpProcedure
    .input(helpVoteInput)
    .output(helpVoteOutput)
    .mutation(async ({ ctx, input }) => {
      const voter = voterKey(ctx.user, ctx.helpVoter ? (ctx.helpVoter.id ?? ctx.helpVoter.issue()) : null);
      if (!voter) throw new AppError("unauthenticated");
      await voteOnArticle(ctx.db, input.articleId, voter, input.helpful, ctx.now);
      return { helpful: input.helpful };
    }),
});
