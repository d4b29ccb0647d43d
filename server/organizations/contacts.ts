// An organization's authorized contacts (seed 004: "Martha de Pagos"): people who are not members
// but may open tickets by mail for the categories the organization chose, and follow the tickets
// they open. Organization admins manage them beside the members (members.ts); Mesa admins any
// organization's. A contact needs no password: an address without an account gets one that nobody
// has activated, with ticketing access, and mail is how they act (server/access/principal.ts loads
// it for a mail). They may choose a password later through the reset flow.
//
// Being a contact grants no sight of the organization's tickets (server/access/visibility.ts is not
// touched by it): only the mail intake reads these rows, through the principal's `contacts`.
import type { Db, Tx } from "../db";
import type { Principal } from "../access/principal";
import { isUniqueViolation } from "../errors/database-error";
import { createPasswordlessAccount } from "../users/passwordless-account";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { namedSelect } from "../departments/list";
import { revokeEmailTokens } from "../users/email-tokens";
import { assertOrgAdmin } from "./members";

/** The contacts of one organization, and the categories an admin may allow them (by department,
 * named in the reader's language). */
export async function listContacts(db: Db, user: Principal, organizationId: string, locale: AppLocale) {
  assertOrgAdmin(user, organizationId);
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      contacts: {
        orderBy: { user: { name: "asc" } },
        select: {
          createdAt: true,
          user: { select: { id: true, name: true, email: true, activatedAt: true } },
          categories: { select: { categoryId: true }, orderBy: { categoryId: "asc" } },
        },
      },
    },
  });
  if (!org) throw new AppError("not_found", "organizationUnknown");
  const departments = await db.department.findMany({
    orderBy: { id: "asc" },
    select: { ...namedSelect, categories: { orderBy: { id: "asc" }, select: namedSelect } },
  });
  const name = (n: { name: string; nameTranslations: unknown }) => localized(n.name, n.nameTranslations, locale);
  return {
    id: org.id,
    name: org.name,
    contacts: org.contacts.map((c) => ({
      userId: c.user.id,
      name: c.user.name,
      email: c.user.email,
      /** Has activated a web account (chose a password); otherwise they act by mail only. */
      webAccess: !!c.user.activatedAt,
      categoryIds: c.categories.map((k) => k.categoryId),
      createdAt: c.createdAt,
    })),
    departments: departments
      .filter((d) => d.categories.length > 0)
      .map((d) => ({ id: d.id, name: name(d), categories: d.categories.map((c) => ({ id: c.id, name: name(c) })) })),
  };
}

export interface NewContact {
  organizationId: string;
  email: string;
  name: string;
  /** The language of the account made for an address that has none (default: the admin's). */
  locale?: AppLocale;
  categoryIds: number[];
}

/** Authorizes an address for the chosen categories. `created`: a new account was made for it. */
export async function addContact(
  db: Db,
  user: Principal,
  input: NewContact,
  now = new Date(),
): Promise<{ userId: string; created: boolean }> {
  assertOrgAdmin(user, input.organizationId);
  const org = await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
  if (!org) throw new AppError("not_found", "organizationUnknown");
  const categoryIds = await existingCategories(db, input.categoryIds);
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      role: true,
      activatedAt: true,
      passwordHash: true,
      memberships: { where: { organizationId: input.organizationId }, select: { role: true } },
      contactOf: { where: { organizationId: input.organizationId }, select: { id: true } },
    },
  });
  if (existing) {
    // Support staff answer tickets; opening them "for" a customer by mail would mix the two sides.
    if (existing.role !== "partner") throw new AppError("conflict", "contactIsStaff", { email: input.email });
    // A member already opens tickets for every category: a contact row would say less than they have.
    if (existing.memberships.length) throw new AppError("conflict", "contactIsMember", { email: input.email });
    if (existing.contactOf.length) throw new AppError("conflict", "contactExists", { email: input.email });
  }
  try {
    return await db.$transaction(async (tx) => {
      if (existing) {
        if (!existing.activatedAt) {
          // An account nobody confirmed. After a registration whose link was never opened, whoever
          // registered may not own the address, and the contact's tickets must not come with a
          // password they chose: as an invitation does (members.ts), that password and every link
          // already sent go; the contact chooses one through the reset flow if they want one. The
          // name nobody confirmed either: the organization's is the one to show.
          if (existing.passwordHash) await revokeEmailTokens(tx, existing.id, now);
          await tx.user.update({ where: { id: existing.id }, data: { passwordHash: null, name: input.name } });
        }
        await createContact(tx, input.organizationId, existing.id, categoryIds);
        return { userId: existing.id, created: false };
      }
      const userId = await createPasswordlessAccount(tx, { email: input.email, name: input.name, locale: input.locale ?? user.locale });
      await createContact(tx, input.organizationId, userId, categoryIds);
      return { userId, created: true };
    });
  } catch (error) {
    // The address got an account, or this contact was added, between the lookup and here (a
    // registration, another admin): decide again with what is there now.
    if (isUniqueViolation(error)) return addContact(db, user, input, now);
    throw error;
  }
}

/** Replaces the categories a contact may open tickets for. */
export async function setContactCategories(
  db: Db,
  user: Principal,
  input: { organizationId: string; userId: string; categoryIds: number[] },
): Promise<void> {
  assertOrgAdmin(user, input.organizationId);
  const categoryIds = await existingCategories(db, input.categoryIds);
  await db.$transaction(async (tx) => {
    const contact = await tx.authorizedContact.findUnique({
      where: { organizationId_userId: { organizationId: input.organizationId, userId: input.userId } },
      select: { id: true },
    });
    if (!contact) throw new AppError("not_found", "contactNotFound");
    await tx.contactCategory.deleteMany({ where: { contactId: contact.id } });
    await tx.contactCategory.createMany({ data: categoryIds.map((categoryId) => ({ contactId: contact.id, categoryId })) });
  });
}

/** Withdraws the authorization. The account stays, with the tickets it opened (they still follow them). */
export async function removeContact(db: Db, user: Principal, organizationId: string, userId: string): Promise<void> {
  assertOrgAdmin(user, organizationId);
  await db.authorizedContact.deleteMany({ where: { organizationId, userId } });
}

/** The ids, once each; every one must be a category that exists. */
async function existingCategories(db: Db, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await db.category.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError("invalid_input", "categoryUnknown");
  return unique;
}

async function createContact(tx: Tx, organizationId: string, userId: string, categoryIds: number[]): Promise<void> {
  await tx.authorizedContact.create({
    data: { organizationId, userId, categories: { create: categoryIds.map((categoryId) => ({ categoryId })) } },
  });
}
