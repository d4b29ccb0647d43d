// Inputs and outputs of Admin > Knowledge base: the form rules are server/kb/article-fields.ts and
// server/kb/category-fields.ts (the browser uses them too); the default language's category name is
// the one required (DEFAULT_LOCALE, read when the input is parsed).
import { z } from "zod";
import { articleFields, articleUpdateFields } from "../../kb/article-fields";
import { categoryFields, categoryUpdateFields } from "../../kb/category-fields";
import { contentLocale } from "../../i18n/localized";
import { locales } from "../../i18n/locales";
import { optionalTextField, serialIdField } from "../../validation/fields";
import { serialId } from "../outputs";

export const createArticleInput = articleFields;
export const updateArticleInput = articleUpdateFields;
export const kbIdInput = z.object({ id: serialIdField });

export const listArticlesInput = z.object({
  text: optionalTextField(200).optional(),
  locale: z.enum(locales, { error: "Validation.locale" }).optional(),
  category: z.union([serialIdField, z.literal("none")], { error: "Validation.invalid" }).optional(),
  status: z.enum(["published", "draft"], { error: "Validation.invalid" }).optional(),
});

export const createCategoryInput = categoryFields(contentLocale);
export const updateCategoryInput = categoryUpdateFields(contentLocale);
export const archiveCategoryInput = z.object({ id: serialIdField, archived: z.boolean({ error: "Validation.invalid" }) });

export const articleOutput = z.object({
  id: serialId,
  locale: z.enum(locales),
  title: z.string(),
  body: z.string(),
  published: z.boolean(),
  categoryId: serialId.nullable(),
  departmentId: serialId.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const articleListOutput = z.array(
  articleOutput.omit({ body: true }).extend({
    excerpt: z.string(),
    categoryName: z.string().nullable(),
    departmentName: z.string().nullable(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
  }),
);

const namesOutput = z.object(Object.fromEntries(locales.map((l) => [l, z.string()])) as Record<(typeof locales)[number], z.ZodString>);
export const categoryListOutput = z.array(
  z.object({
    id: serialId,
    slug: z.string(),
    name: z.string(),
    names: namesOutput,
    archivedAt: z.date().nullable(),
    articleCount: z.number().int(),
  }),
);
export const categoryOutput = z.object({ id: serialId, name: z.string() });

/** What the article form offers: departments in the reader's language, and the default language. */
export const kbFormOptionsOutput = z.object({
  departments: z.array(z.object({ id: serialId, name: z.string() })),
  defaultLocale: z.enum(locales),
});
