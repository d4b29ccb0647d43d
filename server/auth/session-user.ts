// The signed-in person as every layer sees them: loaded from the session row the JWT names, so a
// deleted session (sign-out, password change) stops working at once, on HTTP and sockets alike.
import type { Db } from "../db";
import type { Permission, UserRole, OrgRole } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";

export interface SessionUser {
  id: string;
  sessionId: string;
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
}

export const SESSION_DAYS = 30;

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) },
  });
  return session.id;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function loadSessionUser(db: Db, sessionId: string, now: Date): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: now } },
    include: {
      user: {
        include: {
          permissions: true,
          memberships: { include: { organization: { select: { id: true, name: true, membersSeeAllTickets: true } } } },
          departments: true,
        },
      },
    },
  });
  if (!session || !session.user.activatedAt) return null;
  const u = session.user;
  return {
    id: u.id,
    sessionId: session.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    timeZone: u.timeZone,
    phone: u.phone,
    permissions: u.permissions.map((p) => p.permission),
    organizations: u.memberships.map((m) => ({
      id: m.organization.id, name: m.organization.name, role: m.role, membersSeeAll: m.organization.membersSeeAllTickets,
    })),
    departmentIds: u.departments.map((d) => d.departmentId),
  };
}

export const isStaff = (user: Pick<SessionUser, "role">) => user.role === "agent" || user.role === "admin";
export const canAccessTicketing = (user: Pick<SessionUser, "permissions">) => user.permissions.includes("can_access_ticketing");
