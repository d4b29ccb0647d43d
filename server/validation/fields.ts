// Field rules for ticket forms and procedures; messages are "Validation.*" keys. Pure zod: the
// browser's forms use the same rules.
//
// What the database can hold is checked here, at the edge, so that bad input is a 400 with a
// translated message and never a database error: text without NUL (PostgreSQL refuses it) or other
// control characters and within its length, ids within their column's int4, instants within a sane
// window. server/trpc/init.ts refuses NUL in any input as well, for a schema that forgets these.
import { z } from "zod";
import { priorities, ticketTypes } from "../domain/priority-rules";
import { statuses } from "../domain/state-machine";

export const MAX_SUBJECT = 200;
export const MAX_BODY = 50_000;

/** The largest PostgreSQL `integer` (int4): every autoincrement id and the ticket numbers. */
export const INT4_MAX = 2_147_483_647;

/** C0 control characters and DEL; multi-line text keeps tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a surrogate pair without the other half: UTF-8 cannot hold it (it would be stored changed). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/** Text a person can type: no control characters (NUL above all) and no lone UTF-16 surrogate. */
export const isCleanText = (value: string, multiLine = false) =>
  !(multiLine ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS).test(value) && !LONE_SURROGATE.test(value);

/** `z.string()` refusing control characters ("Validation.invalidCharacters"), trimmed; `multiLine`
 * keeps tabs and line breaks. Length rules go on the result (`.min`, `.max`). */
export const cleanString = (options: { multiLine?: boolean; trim?: boolean; error?: string } = {}) => {
  const base = z.string(options.error ? { error: options.error } : undefined);
  return (options.trim === false ? base : base.trim()).refine((v) => isCleanText(v, options.multiLine), {
    error: "Validation.invalidCharacters",
  });
};

/** One line of text (a subject, a name): 1..max characters once trimmed. */
export const lineField = (max: number) => cleanString().min(1, { error: "Validation.required" }).max(max, { error: "Validation.tooLong" });
/** Text of several lines (a message, a reason): 1..max characters once trimmed. */
export const textField = (max: number) =>
  cleanString({ multiLine: true }).min(1, { error: "Validation.required" }).max(max, { error: "Validation.tooLong" });
/** Optional text of several lines (a comment, a note): 0..max characters. */
export const optionalTextField = (max: number) => cleanString({ multiLine: true }).max(max, { error: "Validation.tooLong" });

/** An autoincrement id (departments, categories, rules, calendars): a whole number in 1..int4. */
export const serialIdField = z
  .number({ error: "Validation.invalid" })
  .int({ error: "Validation.invalid" })
  .min(1, { error: "Validation.invalid" })
  .max(INT4_MAX, { error: "Validation.invalid" });
/** The same from a form field, which sends text ("3"); `required` is the message of a missing or non-positive value. */
export const coercedSerialIdField = (required = "Validation.required") =>
  z.coerce
    .number({ error: required })
    .int({ error: "Validation.invalid" })
    .positive({ error: required })
    .max(INT4_MAX, { error: "Validation.invalid" });

/** The window of instants and days the application accepts: far wider than any real use, well
 * inside what PostgreSQL and JavaScript can represent. */
export const MIN_DATE = new Date("1970-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("2200-12-31T23:59:59.999Z");
const inDateWindow = (d: Date) => +d >= +MIN_DATE && +d <= +MAX_DATE;

/** An instant (a Date, or its ISO text from a form) within the window: "Validation.invalidDate". */
export const dateField = z.coerce
  .date({ error: "Validation.invalidDate" })
  .min(MIN_DATE, { error: "Validation.invalidDate" })
  .max(MAX_DATE, { error: "Validation.invalidDate" });

/** A calendar day written YYYY-MM-DD (a real date) within the window. */
export const isInDateWindow = (day: string) => {
  const d = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(+d) && inDateWindow(d);
};
export const dayField = (required = "Validation.required") =>
  z.iso.date({ error: required }).refine(isInDateWindow, { error: "Validation.invalidDate" });

export const subjectField = lineField(MAX_SUBJECT);
export const bodyField = textField(MAX_BODY);
export const ticketTypeField = z.enum(ticketTypes, { error: "Validation.required" });
export const priorityField = z.enum(priorities, { error: "Validation.invalid" });
export const statusField = z.enum(statuses, { error: "Validation.invalid" });
export const idField = z.uuid({ error: "Validation.invalid" });
export const departmentIdField = coercedSerialIdField();
export const categoryIdField = coercedSerialIdField();
/** Uploads (their ids from POST /api/attachments) sent with a message. */
export const attachmentIdsField = z.array(idField).max(20, { error: "Validation.tooManyFiles" }).default([]);
/** The sensitive-information box: empty means none. */
export const sensitiveField = optionalTextField(5_000)
  .optional()
  .transform((v) => v || undefined);
/** A ticket's number (TK-000042, 42) or id. */
export const ticketRefField = lineField(64);
