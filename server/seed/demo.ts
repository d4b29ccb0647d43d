// Demo data: two organizations, one account per role, the four departments with their categories.
// Idempotent: running it again changes nothing. Its helpers double as test factories.
import type { Db } from "../db";
import type { OrgRole, UserRole } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";
import { hashPassword } from "../auth/password";
import { seedKnowledgeBase } from "./kb-articles";
import { findOrCreatePasswordless } from "../users/passwordless-account";

export const DEMO_PASSWORD = "demo1234";

const departments = [
  {
    name: "Soporte Técnico",
    slug: "soporte-tecnico",
    sensitiveInfo: true,
    categories: ["General", "Correo", "Sitio web", "Servidores y VPS", "Dominios y DNS", "Otro"],
  },
  { name: "Ventas", slug: "ventas", categories: ["General", "Cotizaciones", "Actualizaciones del sitio", "Otro"] },
  { name: "Facturación", slug: "facturacion", sensitiveInfo: true, categories: ["General", "Facturación", "Pagos", "Otro"] },
  { name: "Administración", slug: "administracion", categories: ["General", "Organización / servicio", "Otro"] },
];

const organizations = [
  { name: "Acme Hosting", services: ["Hosting Pro acme.example", "VPS acme-01", "Dominio acme.example"] },
  { name: "Globex", services: ["Hosting Básico globex.example", "Correo corporativo globex.example"] },
];

const users: { email: string; name: string; role: UserRole; locale: AppLocale; org?: [string, OrgRole]; departments?: string[] }[] = [
  { email: "partner@demo.test", name: "Paula Partner", role: "partner", locale: "es", org: ["Acme Hosting", "member"] },
  { email: "orgadmin@demo.test", name: "Óscar Org-Admin", role: "partner", locale: "es", org: ["Acme Hosting", "admin"] },
  { email: "partner2@demo.test", name: "Gloria Globex", role: "partner", locale: "es", org: ["Globex", "member"] },
  { email: "agent@demo.test", name: "Álex Agente", role: "agent", locale: "es", departments: ["soporte-tecnico"] },
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", locale: "es" },
];

/** Tickets by mail (seeds 002, 003, 004): each department's intake address, its policy and the
 * category its tickets start in. */
const intake = [
  { address: "soporte@demo.test", department: "soporte-tecnico", policy: "known_contacts", category: "general" },
  { address: "facturacion@demo.test", department: "facturacion", policy: "known_contacts", category: "facturacion" },
  { address: "ventas@demo.test", department: "ventas", policy: "anyone", category: "general" },
  { address: "administracion@demo.test", department: "administracion", policy: "off", category: "general" },
] as const;

/** Seed 004's "Martha de Pagos": not a member of Acme, but may open its billing tickets by mail. */
const contacts = [
  {
    email: "martha@acme.test",
    name: "Martha de Pagos",
    locale: "es",
    organization: "Acme Hosting",
    categories: [["facturacion", "facturacion"]],
  },
] as const;

async function seedMailIntake(db: Db, deptIds: Map<string, number>, orgIds: Map<string, string>): Promise<void> {
  const categoryId = async (department: string, slug: string) =>
    (await db.category.findUniqueOrThrow({ where: { departmentId_slug: { departmentId: deptIds.get(department)!, slug } } })).id;
  for (const i of intake) {
    const departmentId = deptIds.get(i.department)!;
    // Set up once: an admin's later choices (policy, addresses) stand when the seed runs again.
    if (await db.intakeAddress.findUnique({ where: { address: i.address } })) continue;
    await db.intakeAddress.create({ data: { address: i.address, departmentId, categoryId: await categoryId(i.department, i.category) } });
    await db.department.update({ where: { id: departmentId }, data: { mailIntake: i.policy } });
  }
  for (const c of contacts) {
    const userId = await findOrCreatePasswordless(db, c);
    const organizationId = orgIds.get(c.organization)!;
    const contact = await db.authorizedContact.upsert({
      where: { organizationId_userId: { organizationId, userId } },
      create: { organizationId, userId },
      update: {},
    });
    for (const [department, slug] of c.categories) {
      const id = await categoryId(department, slug);
      await db.contactCategory.upsert({
        where: { contactId_categoryId: { contactId: contact.id, categoryId: id } },
        create: { contactId: contact.id, categoryId: id },
        update: {},
      });
    }
  }
}

/** `sensitiveInfo`: the department's forms offer the encrypted box (credentials, bank data). */
export async function upsertDepartment(db: Db, d: { name: string; slug: string; categories: string[]; sensitiveInfo?: boolean }) {
  const department = await db.department.upsert({
    where: { slug: d.slug },
    create: { name: d.name, slug: d.slug, sensitiveInfo: d.sensitiveInfo ?? false },
    update: {},
  });
  for (const name of d.categories) {
    const slug = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    await db.category.upsert({
      where: { departmentId_slug: { departmentId: department.id, slug } },
      create: { departmentId: department.id, name, slug },
      update: {},
    });
  }
  return department;
}

export async function upsertOrganization(db: Db, o: { name: string; services: string[] }) {
  const org = await db.organization.upsert({ where: { name: o.name }, create: { name: o.name }, update: {} });
  for (const name of o.services) {
    await db.service.upsert({
      where: { organizationId_name: { organizationId: org.id, name } },
      create: { organizationId: org.id, name },
      update: {},
    });
  }
  return org;
}

/** An activated user with a password and ticketing access; existing users are left as they are. */
export async function upsertUser(
  db: Db,
  u: {
    email: string;
    name: string;
    role?: UserRole;
    locale?: AppLocale;
    password?: string;
    organizationId?: string;
    orgRole?: OrgRole;
    departmentIds?: number[];
  },
) {
  const existing = await db.user.findUnique({ where: { email: u.email } });
  if (existing) return existing;
  return db.user.create({
    data: {
      email: u.email,
      name: u.name,
      role: u.role ?? "partner",
      locale: u.locale ?? "es",
      passwordHash: await hashPassword(u.password ?? DEMO_PASSWORD),
      activatedAt: new Date(),
      permissions: {
        create: [
          { permission: "can_access_ticketing" },
          ...(u.role === "partner" || !u.role ? [] : [{ permission: "view_sensitive" as const }]),
        ],
      },
      memberships: u.organizationId ? { create: { organizationId: u.organizationId, role: u.orgRole ?? "member" } } : undefined,
      departments: u.departmentIds?.length ? { create: u.departmentIds.map((departmentId) => ({ departmentId })) } : undefined,
    },
  });
}

export async function seedDemo(db: Db): Promise<void> {
  const deptIds = new Map<string, number>();
  for (const d of departments) deptIds.set(d.slug, (await upsertDepartment(db, d)).id);
  const orgIds = new Map<string, string>();
  for (const o of organizations) orgIds.set(o.name, (await upsertOrganization(db, o)).id);
  for (const u of users) {
    await upsertUser(db, {
      ...u,
      organizationId: u.org && orgIds.get(u.org[0]),
      orgRole: u.org?.[1],
      departmentIds: u.departments?.map((slug) => deptIds.get(slug)!),
    });
  }
  // Acme's plan includes round-the-clock support: its tickets' SLA clocks never wait for office hours.
  const allHours = await db.businessCalendar.upsert({
    where: { name: "24/7" },
    create: { name: "24/7", timeZone: "UTC", workingDays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "24:00", extraHolidays: [] },
    update: {},
  });
  await db.organization.updateMany({ where: { name: "Acme Hosting", calendarId: null }, data: { calendarId: allHours.id } });
  await seedMailIntake(db, deptIds, orgIds);
  await seedKnowledgeBase(db);
}
