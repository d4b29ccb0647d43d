// Inputs and outputs of the help centre's procedures (server/kb/help-centre.ts).
import { z } from "zod";
import { optionalTextField, serialIdField } from "../../validation/fields";
import { locales } from "../../i18n/locales";
import { serialId } from "../outputs";

/** The reader's language: the page's (server-rendered pages pass it); absent, the caller's. */
const readerLocale = z.enum(locales, { error: "Validation.locale" }).optional();

export const helpHomeInput = z.object({ locale: readerLocale }).optional();
export const helpSearchInput = z.object({ text: optionalTextField(200), locale: readerLocale });
export const helpArticleInput = z.object({ id: serialIdField, locale: readerLocale });
export const helpVoteInput = z.object({ articleId: serialIdField, helpful: z.boolean({ error: "Validation.invalid" }) });

const articleRef = z.object({ id: serialId, title: z.string() });
const articleCard = articleRef.extend({ excerpt: z.string() });

/** The help centre's home: categories (id null: articles without one) with their articles. */
export const helpHomeOutput = z.array(z.object({ id: serialId.nullable(), name: z.string().nullable(), articles: z.array(articleCard) }));
export const helpSearchOutput = z.array(articleCard.extend({ categoryId: serialId.nullable() }));
export const helpArticleOutput = z.object({
  id: serialId,
  locale: z.enum(locales),
  title: z.string(),
  /** Markdown: rendered without raw HTML. */
  body: z.string(),
  updatedAt: z.date(),
  category: z.object({ id: serialId, name: z.string() }).nullable(),
  related: z.array(articleRef),
  /** The reader's vote (null: none yet). */
  myVote: z.boolean().nullable(),
});
export const helpVoteOutput = z.object({ helpful: z.boolean() });
export const helpAccessOutput = z.object({ open: z.literal(true) });
