import { adminProcedure, router } from "../init";
import { createArticle, deleteArticle, getArticle, listArticles, updateArticle } from "../../kb/articles";
import { archiveCategory, createCategory, deleteCategory, listCategories, updateCategory } from "../../kb/categories";
import { kbFormOptions } from "../../kb/form-options";
import { contentLocale } from "../../i18n/localized";
import { okOutput } from "../outputs";
import {
  archiveCategoryInput,
  articleListOutput,
  articleOutput,
  categoryListOutput,
  categoryOutput,
  createArticleInput,
  createCategoryInput,
  kbFormOptionsOutput,
  kbIdInput,
  listArticlesInput,
  updateArticleInput,
  updateCategoryInput,
} from "./knowledge-base.schema";

const ok = { ok: true as const };

/** Admin > Knowledge base: articles (drafts included) and their help-centre categories. */
export const knowledgeBaseRouter = router({
  articles: adminProcedure
    .input(listArticlesInput)
    .output(articleListOutput)
    .query(({ ctx, input }) => listArticles(ctx.db, input, ctx.locale)),
  article: adminProcedure
    .input(kbIdInput)
    .output(articleOutput)
    .query(({ ctx, input }) => getArticle(ctx.db, input.id)),
  createArticle: adminProcedure
    .input(createArticleInput)
    .output(articleOutput)
    .mutation(({ ctx, input }) => createArticle(ctx.db, input, ctx.now)),
  updateArticle: adminProcedure
    .input(updateArticleInput)
    .output(articleOutput)
    .mutation(({ ctx, input: { id, ...fields } }) => updateArticle(ctx.db, id, fields, ctx.now)),
  deleteArticle: adminProcedure
    .input(kbIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await deleteArticle(ctx.db, input.id);
      return ok;
    }),
  categories: adminProcedure.output(categoryListOutput).query(({ ctx }) => listCategories(ctx.db, ctx.locale)),
  createCategory: adminProcedure
    .input(createCategoryInput)
    .output(categoryOutput)
    .mutation(({ ctx, input }) => createCategory(ctx.db, input.names)),
  updateCategory: adminProcedure
    .input(updateCategoryInput)
    .output(categoryOutput)
    .mutation(({ ctx, input }) => updateCategory(ctx.db, input.id, input.names)),
  archiveCategory: adminProcedure
    .input(archiveCategoryInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await archiveCategory(ctx.db, input.id, input.archived, ctx.now);
      return ok;
    }),
  deleteCategory: adminProcedure
    .input(kbIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await deleteCategory(ctx.db, input.id);
      return ok;
    }),
  formOptions: adminProcedure
    .output(kbFormOptionsOutput)
    .query(async ({ ctx }) => ({ departments: await kbFormOptions(ctx.db, ctx.locale), defaultLocale: contentLocale() })),
});
