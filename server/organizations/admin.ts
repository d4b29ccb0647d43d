// Admin > Organizations: the provider's customers, their calendar (the plan's business hours),
// whether plain members see every ticket, and the services they hold. Members are managed with the
// organization admins' own use-cases (members.ts), which let a site admin act on any organization.
// An organization or service with tickets is archived (a service: deactivated) instead of deleted.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { ServiceKind } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { refreshAccessOf } from "../realtime/access";

export interface OrganizationCommand {
  name: string;
  membersSeeAllTickets: boolean;
  calendarId: number | null;
}
export interface ServiceCommand {
  name: string;
  kind: ServiceKind;
  identifier: string;
}

/** Up to 100 organizations whose name contains `q` (accents and case ignored), archived last. */
export async function searchOrganizations(db: Db, q: string) {
  const where: Prisma.OrganizationWhereInput = q ? { name: { contains: q, mode: "insensitive" } } : {};
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      take: 100,
      select: {
        id: true,
        name: true,
        archivedAt: true,
        _count: { select: { memberships: true, services: true, tickets: true } },
      },
    }),
    db.organization.count({ where }),
  ]);
  return {
    total,
    organizations: rows.map((o) => ({
      id: o.id,
      name: o.name,
      archived: !!o.archivedAt,
      members: o._count.memberships,
      services: o._count.services,
      tickets: o._count.tickets,
    })),
  };
}

export async function organizationForAdmin(db: Db, id: string, locale: AppLocale) {
  const [org, calendars] = await Promise.all([
    db.organization.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        membersSeeAllTickets: true,
        calendarId: true,
        archivedAt: true,
        _count: { select: { tickets: true } },
        services: {
          orderBy: [{ active: "desc" }, { name: "asc" }],
          select: { id: true, name: true, kind: true, identifier: true, active: true, _count: { select: { tickets: true } } },
        },
      },
    }),
    db.businessCalendar.findMany({ select: { id: true, name: true, nameTranslations: true, isDefault: true } }),
  ]);
  if (!org) throw new AppError("not_found", "organizationUnknown");
  return {
    id: org.id,
    name: org.name,
    membersSeeAllTickets: org.membersSeeAllTickets,
    calendarId: org.calendarId,
    archived: !!org.archivedAt,
    ticketCount: org._count.tickets,
    services: org.services.map(({ _count, identifier, ...s }) => ({ ...s, identifier: identifier ?? "", ticketCount: _count.tickets })),
    // Named and sorted in the reader's language.
    calendars: calendars
      .map((c) => ({ id: c.id, name: localized(c.name, c.nameTranslations, locale), isDefault: c.isDefault }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

async function checkCalendar(db: Db, calendarId: number | null): Promise<void> {
  if (calendarId !== null && !(await db.businessCalendar.findUnique({ where: { id: calendarId }, select: { id: true } }))) {
    throw new AppError("invalid_input", "calendarNotFound");
  }
}

export async function createOrganization(db: Db, command: OrganizationCommand): Promise<{ id: string; name: string }> {
  await checkCalendar(db, command.calendarId);
  return db.organization.create({ data: command, select: { id: true, name: true } });
}

export async function updateOrganization(db: Db, id: string, command: OrganizationCommand): Promise<{ id: string; name: string }> {
  await checkCalendar(db, command.calendarId);
  const before = await db.organization.findUnique({ where: { id }, select: { membersSeeAllTickets: true } });
  if (!before) throw new AppError("not_found", "organizationUnknown");
  const org = await db.organization.update({ where: { id }, data: command, select: { id: true, name: true } });
  // Plain members start or stop seeing each other's tickets: their open pages follow.
  if (before.membersSeeAllTickets !== command.membersSeeAllTickets) {
    for (const m of await db.membership.findMany({ where: { organizationId: id }, select: { userId: true } }))
      await refreshAccessOf(db, m.userId);
  }
  return org;
}

/** Deletes an organization without tickets; archives one with tickets (its members keep seeing them). */
export async function removeOrganization(db: Db, id: string, now: Date): Promise<{ outcome: "deleted" | "archived" }> {
  const org = await db.organization.findUnique({ where: { id }, select: { _count: { select: { tickets: true } } } });
  if (!org) throw new AppError("not_found", "organizationUnknown");
  if (org._count.tickets === 0) {
    const members = await db.membership.findMany({ where: { organizationId: id }, select: { userId: true } });
    await db.organization.delete({ where: { id } });
    for (const m of members) await refreshAccessOf(db, m.userId);
    return { outcome: "deleted" };
  }
  await db.organization.update({ where: { id }, data: { archivedAt: now } });
  return { outcome: "archived" };
}

export async function restoreOrganization(db: Db, id: string): Promise<void> {
  await db.organization.update({ where: { id }, data: { archivedAt: null } });
}

export async function createService(db: Db, organizationId: string, command: ServiceCommand): Promise<{ id: string; name: string }> {
  if (!(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } })))
    throw new AppError("not_found", "organizationUnknown");
  return db.service.create({
    data: { organizationId, name: command.name, kind: command.kind, identifier: command.identifier || null },
    select: { id: true, name: true },
  });
}

export async function updateService(
  db: Db,
  id: string,
  command: ServiceCommand & { active: boolean },
): Promise<{ id: string; name: string }> {
  return db.service.update({
    where: { id },
    data: { name: command.name, kind: command.kind, identifier: command.identifier || null, active: command.active },
    select: { id: true, name: true },
  });
}

/** Deletes a service no ticket names; one that tickets name is deactivated (no longer offered). */
export async function removeService(db: Db, id: string): Promise<{ outcome: "deleted" | "archived" }> {
  const service = await db.service.findUnique({ where: { id }, select: { _count: { select: { tickets: true } } } });
  if (!service) throw new AppError("not_found", "serviceUnknown");
  if (service._count.tickets === 0) {
    await db.service.delete({ where: { id } });
    return { outcome: "deleted" };
  }
  await db.service.update({ where: { id }, data: { active: false } });
  return { outcome: "archived" };
}
