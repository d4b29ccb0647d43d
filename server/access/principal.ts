// Who is acting, whatever the channel: a person loaded from their user id alone, with the way they
// reached Mesa (a web session, an API token, an inbound mail's verified sender, a script), or the
// system itself (the automation tick). Every use-case takes one of these; none reads a web session.
import type { Db } from "../db";
import type { Permission, UserRole, OrgRole } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";

/** How a person reached Mesa. Only the web session can be signed out (it carries its id). */
export type PrincipalSource =
  | { kind: "session"; sessionId: string }
  | { kind: "api_token"; tokenId: string; scope: "read" | "read_write" }
  | { kind: "mail"; address: string }
  | { kind: "script" };

export interface Principal {
  kind: "person";
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: AppLocale;
  timeZone: string;
  phone: string | null;
  permissions: Permission[];
  /** membersSeeAll: plain members of that organization see all its tickets too. */
  organizations: { id: string; name: string; role: OrgRole; membersSeeAll: boolean }[];
  departmentIds: number[];
  /** Organizations that authorized this person (not a member) to open tickets by mail, each for
   * chosen categories (seed 004: "Martha de Pagos"). Grants no sight of the organization's tickets. */
  contacts: { organizationId: string; categoryIds: number[] }[];
  source: PrincipalSource;
}

/** The automation: time alone moving a ticket. It sees every ticket and is recorded as no one. */
export interface SystemPrincipal {
  kind: "system";
  id: null;
  role: "system";
}
export const systemPrincipal: SystemPrincipal = { kind: "system", id: null, role: "system" };

export type AnyPrincipal = Principal | SystemPrincipal;

const principalInclude = {
  permissions: { select: { permission: true } },
  memberships: { select: { role: true, organization: { select: { id: true, name: true, membersSeeAllTickets: true } } } },
  departments: { select: { departmentId: true } },
  contactOf: { select: { organizationId: true, categories: { select: { categoryId: true }, orderBy: { categoryId: "asc" } } } },
} as const;

/** The person behind a user id, as every channel sees them; null when the account does not exist or
 * is not activated — except for mail: an authorized contact, or a stranger who wrote to an open
 * intake address, has an account without a password that nobody activated, and mail is how they act. */
export async function loadPrincipal(db: Db, userId: string, source: PrincipalSource = { kind: "script" }): Promise<Principal | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const u = await db.user.findUnique({ where: { id: userId }, include: principalInclude });
  if (!u || (!u.activatedAt && source.kind !== "mail")) return null;
  return {
    kind: "person",
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    timeZone: u.timeZone,
    phone: u.phone,
    permissions: u.permissions.map((p) => p.permission),
    organizations: u.memberships.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      role: m.role,
      membersSeeAll: m.organization.membersSeeAllTickets,
    })),
    departmentIds: u.departments.map((d) => d.departmentId),
    contacts: u.contactOf.map((c) => ({ organizationId: c.organizationId, categoryIds: c.categories.map((k) => k.categoryId) })),
    source,
  };
}

/** Agents and admins: they work tickets, see internal notes and act as support. */
export const isStaff = (who: { role: UserRole | "system" }) => who.role === "agent" || who.role === "admin";
export const canAccessTicketing = (who: Pick<Principal, "permissions">) => who.permissions.includes("can_access_ticketing");
/** The web session a principal came through, if any (to keep it when signing out the others). */
export const sessionIdOf = (who: Pick<Principal, "source">) => (who.source.kind === "session" ? who.source.sessionId : null);
