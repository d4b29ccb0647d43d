// organizations.contacts.*: organization admins (site admins any organization) manage who may open
// tickets by mail for them without being members (server/organizations/contacts.ts).
import { protectedProcedure, router } from "../init";
import { addContact, listContacts, removeContact, setContactCategories } from "../../organizations/contacts";
import {
  addContactInput,
  addContactOutput,
  contactChangeOutput,
  contactInput,
  contactsInput,
  contactsOutput,
  setContactCategoriesInput,
} from "./contacts.schema";

export const contactsRouter = router({
  list: protectedProcedure
    .input(contactsInput)
    .output(contactsOutput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.user, input.organizationId, ctx.locale)),
  add: protectedProcedure
    .input(addContactInput)
    .output(addContactOutput)
    .mutation(({ ctx, input }) => addContact(ctx.db, ctx.user, input, ctx.now)),
  setCategories: protectedProcedure
    .input(setContactCategoriesInput)
    .output(contactChangeOutput)
    .mutation(async ({ ctx, input }) => {
      await setContactCategories(ctx.db, ctx.user, input);
      return { ok: true as const };
    }),
  remove: protectedProcedure
    .input(contactInput)
    .output(contactChangeOutput)
    .mutation(async ({ ctx, input }) => {
      await removeContact(ctx.db, ctx.user, input.organizationId, input.userId);
      return { ok: true as const };
    }),
});
