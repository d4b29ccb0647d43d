// Inputs and outputs of organizations.contacts.*: an organization's authorized contacts (seed 004),
// people who are not members but may open tickets by mail for chosen categories. Pure zod: the
// browser's form checks with the same rules.
import { z } from "zod";
import { emailField, localeField, nameField } from "../../users/fields";
import { idField, serialIdField } from "../../validation/fields";
import { id, okOutput, serialId } from "../outputs";

const categoryIds = z.array(serialIdField).min(1, { error: "Validation.chooseCategories" }).max(500, { error: "Validation.invalid" });

export const contactsInput = z.object({ organizationId: idField });
export const addContactInput = z.object({
  organizationId: idField,
  email: emailField,
  name: nameField,
  /** The language of the account made for an address that has none (default: the admin's). */
  locale: localeField.optional(),
  categoryIds,
});
export const contactInput = z.object({ organizationId: idField, userId: idField });
export const setContactCategoriesInput = z.object({ organizationId: idField, userId: idField, categoryIds });

/** An organization's contacts as its admins manage them, with the categories they may allow. */
export const contactsOutput = z.object({
  id,
  name: z.string(),
  contacts: z.array(
    z.object({
      userId: id,
      name: z.string(),
      email: z.string(),
      /** Chose a password and signs in on the web; otherwise they act by mail only. */
      webAccess: z.boolean(),
      categoryIds: z.array(serialId),
      createdAt: z.date(),
    }),
  ),
  departments: z.array(z.object({ id: serialId, name: z.string(), categories: z.array(z.object({ id: serialId, name: z.string() })) })),
});
/** created: the address had no account and got one (without a password). */
export const addContactOutput = z.object({ userId: id, created: z.boolean() });
export const contactChangeOutput = okOutput;
