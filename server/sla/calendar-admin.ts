// Business calendars as admins keep them: create, change, remove, choose the default, and say which
// department or organization runs on which. Every change that moves a ticket's working time
// re-derives the stored SLA deadlines of the open tickets it touches (server/sla/refresh-all.ts).
// Removing the default is refused (tickets without a calendar of their own need it); removing
// another one sends its departments and organizations back to the default (FK ON DELETE SET NULL).
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { namedSelect } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import type { CalendarFields } from "./calendar-fields";
import { holidayCountries, holidayRegions } from "./holidays";
import { refreshOpenTicketsSla } from "./refresh-all";

const calendarSelect = {
  id: true,
  name: true,
  nameTranslations: true,
  timeZone: true,
  workingDays: true,
  startTime: true,
  endTime: true,
  holidayCountry: true,
  holidayRegion: true,
  extraHolidays: true,
  isDefault: true,
  departments: { select: namedSelect },
  organizations: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} as const satisfies Prisma.BusinessCalendarSelect;

type CalendarRow = Prisma.BusinessCalendarGetPayload<{ select: typeof calendarSelect }>;

/** A calendar as the admin screen answers it: `name` and `nameTranslations` as stored (the form
 * edits them), the departments on it named in the reader's language, in its alphabetical order. */
function withDepartmentsNamed({ departments, ...c }: CalendarRow, locale: AppLocale) {
  return {
    ...c,
    departments: departments
      .map((d) => ({ id: d.id, name: localized(d.name, d.nameTranslations, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

/** The calendars (default first, then by their name in the reader's language) with the departments
 * and organizations on each, and the name of their holiday region. */
export async function listCalendars(db: Db, locale: AppLocale) {
  const calendars = await db.businessCalendar.findMany({ select: calendarSelect });
  const nameOf = (c: CalendarRow) => localized(c.name, c.nameTranslations, locale);
  return calendars
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || nameOf(a).localeCompare(nameOf(b), locale))
    .map((c) => ({
      ...withDepartmentsNamed(c, locale),
      holidayRegionName:
        c.holidayCountry && c.holidayRegion
          ? (holidayRegions(c.holidayCountry).find(([code]) => code === c.holidayRegion)?.[1] ?? c.holidayRegion)
          : null,
    }));
}

/** Every department (named in the reader's language) and organization with the calendar it names
 * (null: the default). */
export async function listCalendarAssignments(db: Db, locale: AppLocale) {
  const [departments, organizations] = await Promise.all([
    db.department.findMany({ select: { ...namedSelect, calendarId: true }, orderBy: { id: "asc" } }),
    db.organization.findMany({ select: { id: true, name: true, calendarId: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    departments: departments.map((d) => ({ id: d.id, name: localized(d.name, d.nameTranslations, locale), calendarId: d.calendarId })),
    organizations,
  };
}

/** Open tickets whose calendar is this one (as named by their organization or department). */
const ticketsNaming = (calendarId: number): Prisma.TicketWhereInput => ({
  OR: [{ organization: { calendarId } }, { department: { calendarId } }],
});

async function findCalendar(db: Db, id: number) {
  const calendar = await db.businessCalendar.findUnique({ where: { id }, select: { id: true, isDefault: true } });
  if (!calendar) throw new AppError("not_found", "calendarNotFound");
  return calendar;
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const taken = await db.businessCalendar.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AppError("conflict", "calendarNameTaken", { name });
}

/** A unique-index race (two admins, one name) is the same refusal as the check before it. */
async function nameRace<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "calendarNameTaken", { name });
    throw error;
  }
}

/** The first calendar of a deployment without any becomes its default. */
export async function createCalendar(db: Db, fields: CalendarFields, now: Date, locale: AppLocale) {
  await assertNameFree(db, fields.name);
  const isDefault = (await db.businessCalendar.count({ where: { isDefault: true } })) === 0;
  const created = await nameRace(fields.name, () => db.businessCalendar.create({ data: { ...fields, isDefault }, select: calendarSelect }));
  if (isDefault) await refreshOpenTicketsSla(db, now);
  return withDepartmentsNamed(created, locale);
}

export async function updateCalendar(db: Db, id: number, fields: CalendarFields, now: Date, locale: AppLocale) {
  const calendar = await findCalendar(db, id);
  await assertNameFree(db, fields.name, id);
  const updated = await nameRace(fields.name, () => db.businessCalendar.update({ where: { id }, data: fields, select: calendarSelect }));
  // The default serves every ticket whose organization and department name none: all may move.
  await refreshOpenTicketsSla(db, now, calendar.isDefault ? {} : ticketsNaming(id));
  return withDepartmentsNamed(updated, locale);
}

export async function removeCalendar(db: Db, id: number, now: Date): Promise<void> {
  const calendar = await findCalendar(db, id);
  if (calendar.isDefault) throw new AppError("conflict", "calendarIsDefault");
  const users = await db.businessCalendar.findUniqueOrThrow({
    where: { id },
    select: { departments: { select: { id: true } }, organizations: { select: { id: true } } },
  });
  await db.businessCalendar.delete({ where: { id } });
  const departmentIds = users.departments.map((d) => d.id);
  const organizationIds = users.organizations.map((o) => o.id);
  if (departmentIds.length || organizationIds.length) {
    await refreshOpenTicketsSla(db, now, { OR: [{ departmentId: { in: departmentIds } }, { organizationId: { in: organizationIds } }] });
  }
}

export async function setDefaultCalendar(db: Db, id: number, now: Date): Promise<void> {
  const calendar = await findCalendar(db, id);
  if (calendar.isDefault) return;
  await db.$transaction([
    db.businessCalendar.updateMany({ where: { isDefault: true, id: { not: id } }, data: { isDefault: false } }),
    db.businessCalendar.update({ where: { id }, data: { isDefault: true } }),
  ]);
  await refreshOpenTicketsSla(db, now);
}

export type CalendarTarget = { departmentId: number } | { organizationId: string };

/** Puts a department or an organization on a calendar (null: back to the default). */
export async function assignCalendar(db: Db, target: CalendarTarget, calendarId: number | null, now: Date): Promise<void> {
  if (calendarId !== null) await findCalendar(db, calendarId);
  if ("departmentId" in target) {
    const { count } = await db.department.updateMany({ where: { id: target.departmentId }, data: { calendarId } });
    if (!count) throw new AppError("not_found", "departmentUnknown");
    await refreshOpenTicketsSla(db, now, { departmentId: target.departmentId });
  } else {
    const { count } = await db.organization.updateMany({ where: { id: target.organizationId }, data: { calendarId } });
    if (!count) throw new AppError("not_found", "organizationUnknown");
    await refreshOpenTicketsSla(db, now, { organizationId: target.organizationId });
  }
}

/** Countries with public-holiday data, named in the reader's language, in its alphabetical order. */
export function countriesFor(locale: AppLocale): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
  const named = holidayCountries().map(([code, english]) => {
    let name: string | undefined;
    try {
      name = names.of(code);
    } catch {
      name = undefined;
    }
    return { code, name: name ?? english };
  });
  return named.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A country's regions by their own names; empty for an unknown country. */
export function regionsOf(country: string): { code: string; name: string }[] {
  return holidayRegions(country)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
