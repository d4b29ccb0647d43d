// An organization admin manages who belongs: invite by email (a person with an active account is
// added at once, anyone else gets an email to choose a password), remove, and set the role. An
// organization always keeps at least one admin.
import type { Db, Tx } from "../db";
import type { OrgRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { Principal } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import { admitMailRequester, admitMailTo } from "../auth/mail-limits";
import { queueAccountMail } from "../email/account-mail";
import { kickOutbox } from "../notifications/outbox";
import { INVITATION_TTL_MS, issueEmailToken, revokeEmailTokens } from "../users/email-tokens";
import { refreshAccessOf } from "../realtime/access";

export function assertOrgAdmin(user: Principal, organizationId: string): void {
  if (user.role === "admin") return;
  if (!user.organizations.some((o) => o.id === organizationId && o.role === "admin")) throw new AppError("forbidden", "notOrgAdmin");
}

export async function listMembers(db: Db, user: Principal, organizationId: string) {
  assertOrgAdmin(user, organizationId);
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      membersSeeAllTickets: true,
      memberships: {
        select: { role: true, user: { select: { id: true, name: true, email: true, activatedAt: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  // Only a site admin gets this far with an organization that does not exist.
  if (!org) throw new AppError("not_found", "organizationUnknown");
  return { ...org, members: org.memberships.map((m) => ({ ...m.user, role: m.role, pending: !m.user.activatedAt })) };
}

export async function inviteMember(
  db: Db,
  user: Principal,
  input: { organizationId: string; email: string; role: OrgRole; locale: AppLocale },
  now: Date,
): Promise<{ invited: boolean }> {
  assertOrgAdmin(user, input.organizationId);
  const org = await db.organization.findUnique({ where: { id: input.organizationId } });
  if (!org) throw new AppError("not_found", "organizationUnknown");
  const existing = await db.user.findUnique({ where: { email: input.email } });
  // Invitations mail someone: limited per inviter and per recipient (server/auth/mail-limits.ts).
  // Over the recipient's share the membership is still made and no mail goes (invite again later).
  if (!existing?.activatedAt) await admitMailRequester(db, { userId: user.id }, now);
  if (existing?.activatedAt) {
    await addMembership(db, existing.id, input.organizationId, input.role);
    return { invited: false };
  }
  let invitee: { id: string; email: string; name: string; locale: AppLocale };
  if (existing) {
    // An account nobody has confirmed yet (a registration whose link was never opened, or an
    // earlier invitation). Whoever registered it may not own the address: the organization's access
    // must not come with a password (or a name) they chose. So the password goes, every link already
    // sent for the account stops working (an activation link would otherwise activate that
    // password), and the invitee chooses the password with the invitation's link, as a new
    // invitee does.
    invitee = await db.$transaction(async (tx) => {
      await revokeEmailTokens(tx, existing.id, now);
      await addMembership(tx, existing.id, input.organizationId, input.role);
      return tx.user.update({ where: { id: existing.id }, data: { passwordHash: null, name: defaultName(input.email) } });
    });
  } else {
    try {
      invitee = await db.user.create({
        data: {
          email: input.email,
          name: defaultName(input.email),
          locale: input.locale,
          permissions: { create: { permission: "can_access_ticketing" } },
          memberships: { create: { organizationId: input.organizationId, role: input.role } },
        },
      });
    } catch (error) {
      // The address got an account between the lookup and here (a registration): invite that one.
      if ((error as { code?: string } | null)?.code === "P2002") return inviteMember(db, user, input, now);
      throw error;
    }
  }
  const queued = await db.$transaction(async (tx) => {
    if (!(await admitMailTo(tx, input.email, now))) return false;
    const token = await issueEmailToken(tx, invitee.id, "password_reset", now, INVITATION_TTL_MS);
    await queueAccountMail(tx, "invitation", { ...invitee, organization: org.name }, token);
    return true;
  });
  if (queued) kickOutbox();
  return { invited: true };
}

const defaultName = (email: string) => email.split("@")[0] || email;

async function addMembership(db: Tx, userId: string, organizationId: string, role: OrgRole): Promise<void> {
  await db.membership.upsert({
    where: { userId_organizationId: { userId, organizationId } },
    create: { userId, organizationId, role },
    update: {},
  });
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
  await refreshAccessOf(db, userId); // their open pages stop hearing of the organization's tickets
}

export async function setMemberRole(db: Db, user: Principal, organizationId: string, userId: string, role: OrgRole): Promise<void> {
  assertOrgAdmin(user, organizationId);
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
  if (!membership) throw new AppError("not_found", "memberNotFound");
  if (membership.role === "admin" && role !== "admin") await assertKeepsAnAdmin(db, organizationId, userId);
  await db.membership.update({ where: { userId_organizationId: { userId, organizationId } }, data: { role } });
  await refreshAccessOf(db, userId);
}
