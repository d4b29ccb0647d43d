// Field rules of the knowledge-base article form, shared by the browser and the procedures (pure
// zod: messages are "Validation.*" keys). Whether the category and the department exist is the
// use-case's to say (server/kb/articles.ts).
import { z } from "zod";
import { locales } from "../i18n/locales";
import { cleanString, coercedSerialIdField, serialIdField, MAX_SUBJECT } from "../validation/fields";

/** Markdown, up to 50 000 characters (about 20 printed pages). */
export const MAX_ARTICLE_BODY = 50_000;

/** A select's value: "" is none, else the id. */
const optionalId = z.union([z.literal("").transform(() => null), z.null(), coercedSerialIdField("Validation.invalid")]);

export const articleShape = {
  locale: z.enum(locales, { error: "Validation.locale" }),
  title: cleanString().min(1, { error: "Validation.required" }).max(MAX_SUBJECT, { error: "Validation.tooLong" }),
  body: cleanString({ multiLine: true }).min(1, { error: "Validation.required" }).max(MAX_ARTICLE_BODY, { error: "Validation.tooLong" }),
  categoryId: optionalId,
  departmentId: optionalId,
  published: z.boolean({ error: "Validation.invalid" }),
};

export const articleFields = z.object(articleShape);
export const articleUpdateFields = z.object({ id: serialIdField, ...articleShape });
export type ArticleFields = z.output<typeof articleFields>;
