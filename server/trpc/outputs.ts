// Building blocks of the procedures' declared outputs (`.output(...)`). Every output is a z.object:
// parsing strips any key it does not list, so a column added to a table reaches no client until
// someone lists it here or beside the procedure. Ids leave as strings (numbers for the integer ids
// of departments, categories, rules and calendars), instants as Dates (superjson carries them);
// never a BigInt. Pure zod and constants: the browser may import the schema files that use these.
import { z } from "zod";

/** A uuid. */
export const id = z.string();
/** An autoincrement id (departments, categories, rules, calendars, KB articles). */
export const serialId = z.number().int();

/** `{ ok: true }`: done, nothing else to tell. */
export const okOutput = z.object({ ok: z.literal(true) });

/** What a change to one ticket answers at least: which ticket it changed. */
export const ticketChangeOutput = z.object({ ticketId: id });

/** Someone as others see them on a ticket or a list: a name, never contact details. */
export const personRef = z.object({ id, name: z.string() });

/** A department with its categories, as the forms and the queue offer them. */
export const departmentWithCategories = z.object({
  id: serialId,
  name: z.string(),
  slug: z.string(),
  sensitiveInfo: z.boolean(),
  categories: z.array(z.object({ id: serialId, name: z.string(), slug: z.string(), description: z.string() })),
});
