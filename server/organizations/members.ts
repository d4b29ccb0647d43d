// An organization admin manages who belongs: invite by email (an existing person is added at once,
// a new one gets an email to choose a password), remove, and set the role. An organization always
// keeps at least one admin.
import type { Db } from "../db";
import type { OrgRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { Principal } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import { sendAccountMail } from "../email/account-mail";
import { issueEmailToken } from "../users/email-tokens";

export function assertOrgAdmin(user: Principal, organizationId: string): void {
  if (user.role === "admin") return;
  if (!user.organizations.some((o) => o.id === organizationId && o.role === "admin")) throw new AppError("forbidden", "notOrgAdmin");
}

export async function listMembers(db: Db, user: Principal, organizationId: string) {
  assertOrgAdmin(user, organizationId);
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      id: true, name: true, membersSeeAllTickets: true,
      memberships: { select: { role: true, user: { select: { id: true, name: true, email: true, activatedAt: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  return { ...org, members: org.memberships.map((m) => ({ ...m.user, role: m.role, pending: !m.user.activatedAt })) };
}

export async function inviteMember(
  db: Db,
  user: Principal,
  input: { organizationId: string; email: string; role: OrgRole; locale: AppLocale },
  now: Date,
): Promise<{ invited: boolean }> {
  assertOrgAdmin(user, input.organizationId);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) {
    await db.membership.upsert({
      where: { userId_organizationId: { userId: existing.id, organizationId: input.organizationId } },
      create: { userId: existing.id, organizationId: input.organizationId, role: input.role },
      update: {},
    });
    return { invited: false };
  }
  const created = await db.user.create({
    data: {
      email: input.email,
      name: input.email.split("@")[0] ?? input.email,
      locale: input.locale,
      permissions: { create: { permission: "can_access_ticketing" } },
      memberships: { create: { organizationId: input.organizationId, role: input.role } },
    },
  });
  const token = await issueEmailToken(db, created.id, "password_reset", now, 7 * 86_400_000);
  const org = await db.organization.findUniqueOrThrow({ where: { id: input.organizationId } });
  await sendAccountMail("invitation", { ...created, organization: org.name }, token);
  return { invited: true };
}

async function assertKeepsAnAdmin(db: Db, organizationId: string, leaving: string): Promise<void> {
  const admins = await db.membership.count({ where: { organizationId, role: "admin", userId: { not: leaving } } });
  if (admins === 0) throw new AppError("conflict", "lastOrgAdmin");
}

export async function removeMember(db: Db, user: Principal, organizationId: string, userId: string): Promise<void> {
  assertOrgAdmin(user, organizationId);
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
  if (!membership) return;
  if (membership.role === "admin") await assertKeepsAnAdmin(db, organizationId, userId);
  await db.membership.delete({ where: { userId_organizationId: { userId, organizationId } } });
}

export async function setMemberRole(db: Db, user: Principal, organizationId: string, userId: string, role: OrgRole): Promise<void> {
  assertOrgAdmin(user, organizationId);
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
  if (!membership) throw new AppError("not_found", "memberNotFound");
  if (membership.role === "admin" && role !== "admin") await assertKeepsAnAdmin(db, organizationId, userId);
  await db.membership.update({ where: { userId_organizationId: { userId, organizationId } }, data: { role } });
}
