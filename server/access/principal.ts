// Who is acting, whatever the channel: a person loaded from their user id alone, with the way they
// reached Mesa (a web session, an API token, an inbound mail's verified sender, a script), or the
// system itself (the automation tick). Every use-case takes one of these; none reads a web session.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
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

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: AppLocale;
  timeZone: string;
  phone: string | null;
  activatedAt: Date | null;
  deactivatedAt: Date | null;
  permissions: Permission[];
  organizations: Principal["organizations"];
  departmentIds: number[];
  contacts: Principal["contacts"];
  sessionId: string | null;
}

/** A person and everything the rules ask of them in one statement (it runs on every request). */
function principalQuery(by: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.locale::text AS locale, u."timeZone", u.phone, u."activatedAt", u."deactivatedAt", s.id AS "sessionId",
      (SELECT coalesce(json_agg(p.permission::text), '[]') FROM "UserPermission" p WHERE p."userId" = u.id) AS permissions,
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'role', m.role::text, 'membersSeeAll', o."membersSeeAllTickets")), '[]')
         FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId" WHERE m."userId" = u.id) AS organizations,
      (SELECT coalesce(json_agg(a."departmentId"), '[]') FROM "AgentDepartment" a WHERE a."userId" = u.id) AS "departmentIds",
      (SELECT coalesce(json_agg(json_build_object('organizationId', c."organizationId", 'categoryIds',
                (SELECT coalesce(json_agg(k."categoryId" ORDER BY k."categoryId"), '[]') FROM "ContactCategory" k WHERE k."contactId" = c.id))), '[]')
         FROM "AuthorizedContact" c WHERE c."userId" = u.id) AS contacts
    ${by}`;
}

function principalOf(u: PrincipalRow, source: PrincipalSource): Principal | null {
  // A deactivated account acts through no channel, mail included (Admin > Team and permissions).
  if (u.deactivatedAt) return null;
  if (!u.activatedAt && source.kind !== "mail") return null;
  return {
    kind: "person",
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    timeZone: u.timeZone,
    phone: u.phone,
    permissions: u.permissions,
    organizations: u.organizations,
    departmentIds: u.departmentIds,
    contacts: u.contacts,
    source,
  };
}

/** The person behind a user id, as every channel sees them; null when the account does not exist or
 * is not activated — except for mail: an authorized contact, or a stranger who wrote to an open
 * intake address, has an account without a password that nobody activated, and mail is how they act. */
export async function loadPrincipal(db: Db, userId: string, source: PrincipalSource = { kind: "script" }): Promise<Principal | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) return null;
  const [u] = await db.$queryRaw<PrincipalRow[]>(
    principalQuery(Prisma.sql`FROM "User" u LEFT JOIN "Session" s ON false WHERE u.id = ${userId}::uuid`),
  );
  return u ? principalOf(u, source) : null;
}

/** The person of a live web session (not expired), with the session; null otherwise. */
export async function loadPrincipalOfSession(db: Db, sessionId: string, now: Date): Promise<Principal | null> {
  const [u] = await db.$queryRaw<PrincipalRow[]>(
    principalQuery(
      Prisma.sql`FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = ${sessionId}::uuid AND s."expiresAt" > ${now}`,
    ),
  );
  return u ? principalOf(u, { kind: "session", sessionId: u.sessionId! }) : null;
}

/** Agents and admins: they work tickets, see internal notes and act as support. */
export const isStaff = (who: { role: UserRole | "system" }) => who.role === "agent" || who.role === "admin";
export const canAccessTicketing = (who: Pick<Principal, "permissions">) => who.permissions.includes("can_access_ticketing");
/** The web session a principal came through, if any (to keep it when signing out the others). */
export const sessionIdOf = (who: Pick<Principal, "source">) => (who.source.kind === "session" ? who.source.sessionId : null);
