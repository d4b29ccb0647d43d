// Admin > Team and permissions: find anyone, invite agents and admins (an email to choose their
// password), give agents their departments, grant permissions (server/users/permissions.ts), and
// deactivate an account: it is signed out everywhere (sessions, API tokens, live connections) and
// cannot sign in again until reactivated; its tickets, messages and history stay as they were.
import type { Db } from "../db";
import type { Permission, UserRole } from "../db/generated/enums";
import { queueAccountMail } from "../email/account-mail";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { kickOutbox } from "../notifications/outbox";
import { refreshAccessOf } from "../realtime/access";
import { disconnectSessions } from "../realtime/emit";
import { admitMailRequester, admitMailTo } from "../auth/mail-limits";
import { INVITATION_TTL_MS, issueEmailToken, revokeEmailTokens } from "./email-tokens";

export interface PeopleQuery {
  q: string;
  role: UserRole | null;
}

/** Up to 100 people matching `q` in name or email, staff first. */
export async function searchPeople(db: Db, query: PeopleQuery, locale: AppLocale) {
  const where = {
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" as const } },
            { email: { contains: query.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
    ...(query.role ? { role: query.role } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "desc" }, { name: "asc" }],
      take: 100,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        activatedAt: true,
        deactivatedAt: true,
        permissions: { select: { permission: true } },
        departments: { select: { department: { select: { id: true, name: true, nameTranslations: true } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    people: rows.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      pending: !u.activatedAt,
      deactivated: !!u.deactivatedAt,
      permissions: u.permissions.map((p) => p.permission),
      departments: u.departments
        .map((d) => ({ id: d.department.id, name: localized(d.department.name, d.department.nameTranslations, locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    })),
  };
}

export interface StaffInvitation {
  email: string;
  name: string;
  role: "agent" | "admin";
  departmentIds: number[];
  locale: AppLocale;
}

async function checkDepartments(db: Db, ids: number[]): Promise<void> {
  const found = await db.department.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new AppError("invalid_input", "departmentUnknown");
}

/** A new agent or admin: the account exists at once (with its departments) and the person gets an
 * email, in their language, to choose a password. An address that has an account already is refused. */
export async function inviteStaff(db: Db, actorId: string, input: StaffInvitation, now: Date): Promise<{ id: string }> {
  await checkDepartments(db, input.departmentIds);
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AppError("conflict", "emailTaken");
  await admitMailRequester(db, { userId: actorId }, now);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale,
        permissions: { create: { permission: "can_access_ticketing" } },
        departments: { create: input.departmentIds.map((departmentId) => ({ departmentId })) },
      },
      select: { id: true, email: true, name: true, locale: true },
    });
    if (await admitMailTo(tx, input.email, now)) {
      const token = await issueEmailToken(tx, created.id, "password_reset", now, INVITATION_TTL_MS);
      await queueAccountMail(tx, "staffInvitation", created, token);
    }
    return created;
  });
  kickOutbox();
  return { id: user.id };
}

/** Role and departments of a member of staff (admins work every department, so theirs are kept as
 * given but do not narrow anything). */
export async function updateStaff(
  db: Db,
  actorId: string,
  userId: string,
  change: { role: UserRole; departmentIds: number[] },
): Promise<void> {
  if (userId === actorId && change.role !== "admin") throw new AppError("conflict", "cannotDemoteSelf");
  await checkDepartments(db, change.departmentIds);
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("not_found", "userUnknown");
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { role: change.role } }),
    db.agentDepartment.deleteMany({ where: { userId, departmentId: { notIn: change.departmentIds } } }),
    db.agentDepartment.createMany({ data: change.departmentIds.map((departmentId) => ({ userId, departmentId })), skipDuplicates: true }),
  ]);
  await refreshAccessOf(db, userId);
}

/** Signs the account out everywhere and keeps it out; its history stays. */
export async function deactivatePerson(db: Db, actorId: string, userId: string, now: Date): Promise<void> {
  if (userId === actorId) throw new AppError("conflict", "cannotDeactivateSelf");
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new AppError("not_found", "userUnknown");
  if (user.role === "admin" && (await db.user.count({ where: { role: "admin", deactivatedAt: null, id: { not: userId } } })) === 0) {
    throw new AppError("conflict", "lastAdmin");
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.apiRefreshToken.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await revokeEmailTokens(tx, userId, now);
  });
  await disconnectSessions(userId);
}

export async function reactivatePerson(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
}

export type { Permission };
