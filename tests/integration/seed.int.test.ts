// The demo data a new embedded install starts with: loading it twice changes nothing, and every
// demo account works with the documented password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../../server/auth/sign-in";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import type { Db } from "../../server/db";
import { callerFor, signedIn } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedDemo(db);
});
afterAll(() => database?.close());

const demoAccounts = ["partner@demo.test", "orgadmin@demo.test", "partner2@demo.test", "agent@demo.test", "admin@demo.test"];

const counts = async () => ({
  users: await db.user.count(),
  departments: await db.department.count(),
  categories: await db.category.count(),
  organizations: await db.organization.count(),
  services: await db.service.count(),
  memberships: await db.membership.count(),
  agentDepartments: await db.agentDepartment.count(),
  permissions: await db.userPermission.count(),
  intakeAddresses: await db.intakeAddress.count(),
  contacts: await db.contactCategory.count(),
});

describe("demo seed", () => {
  it("running it again adds and changes nothing", async () => {
    const before = await counts();
    const usersBefore = await db.user.findMany({ orderBy: { email: "asc" } });
    await seedDemo(db);
    expect(await counts()).toEqual(before);
    expect(await db.user.findMany({ orderBy: { email: "asc" } })).toEqual(usersBefore);
    // The demo accounts, plus Martha, Acme's authorized contact (seed 004), who has no password.
    expect(before).toMatchObject({ users: demoAccounts.length + 1, departments: 4, organizations: 2, intakeAddresses: 4, contacts: 1 });
  });

  it("sets up tickets by mail: four intake addresses under their policies, and Martha for billing only", async () => {
    const addresses = await db.intakeAddress.findMany({ include: { department: true, category: true }, orderBy: { address: "asc" } });
    expect(addresses.map((a) => [a.address, a.department.slug, a.department.mailIntake, a.category?.slug])).toEqual([
      ["administracion@demo.test", "administracion", "off", "general"],
      ["facturacion@demo.test", "facturacion", "known_contacts", "facturacion"],
      ["soporte@demo.test", "soporte-tecnico", "known_contacts", "general"],
      ["ventas@demo.test", "ventas", "anyone", "general"],
    ]);
    const martha = await db.authorizedContact.findFirstOrThrow({
      where: { user: { email: "martha@acme.test" } },
      include: { organization: true, user: true, categories: { include: { category: { include: { department: true } } } } },
    });
    expect(martha.organization.name).toBe("Acme Hosting");
    expect(martha.user.passwordHash).toBeNull();
    expect(martha.categories.map((c) => `${c.category.department.slug}/${c.category.slug}`)).toEqual(["facturacion/facturacion"]);
  });

  it.each(demoAccounts)("%s signs in with the demo password", async (email) => {
    const user = await signInWithPassword(db, { email, password: DEMO_PASSWORD }, new Date());
    expect(user.email).toBe(email);
  });

  it("departments have whole-number ids and URL slugs, each with categories", async () => {
    const departments = await db.department.findMany({ include: { categories: true }, orderBy: { id: "asc" } });
    expect(departments.map((d) => d.slug)).toEqual(["soporte-tecnico", "ventas", "facturacion", "administracion"]);
    for (const d of departments) {
      expect(Number.isInteger(d.id)).toBe(true);
      expect(d.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.categories.length).toBeGreaterThan(0);
      for (const c of d.categories) expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("the demo agent works the queue of Soporte Técnico only", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@demo.test" } });
    const queue = await callerFor(db, await signedIn(db, agent.id), "es").queue.departments();
    expect(queue.map((d) => d.name)).toEqual(["Soporte Técnico"]);
    expect(queue[0]?.categories.map((c) => c.name)).toContain("Correo");
  });

  it("names the demo's departments, categories and default calendar in every language, categories with what they are for", async () => {
    const partner = await signedIn(db, (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).id);
    const seen = {} as Record<string, { departments: string[]; email?: { name: string; description: string } }>;
    for (const locale of ["es", "en", "pt", "fr"] as const) {
      const { departments } = await callerFor(db, partner, locale).tickets.formOptions();
      const email = departments[0]!.categories.find((c) => c.slug === "correo");
      seen[locale] = { departments: departments.map((d) => d.name), email: email && { name: email.name, description: email.description } };
    }
    expect(seen.en!.departments).toEqual(["Technical Support", "Sales", "Billing", "Administration"]);
    expect(seen.pt!.departments).toEqual(["Suporte Técnico", "Vendas", "Faturamento", "Administração"]);
    expect(seen.fr!.email).toEqual({ name: "Messagerie", description: expect.stringContaining("Outlook") });
    expect(seen.es!.email?.description).toMatch(/^Cuentas de correo/);
    const office = await db.businessCalendar.findUniqueOrThrow({ where: { name: "Horario laboral" } });
    expect(office.nameTranslations).toEqual({ en: "Business hours", pt: "Horário comercial", fr: "Heures ouvrées" });
  });

  it("demo partners belong to their organizations with their roles", async () => {
    const memberships = await db.membership.findMany({ include: { user: true, organization: true } });
    const byEmail = Object.fromEntries(memberships.map((m) => [m.user.email, `${m.organization.name}/${m.role}`]));
    expect(byEmail).toEqual({
      "partner@demo.test": "Acme Hosting/member",
      "orgadmin@demo.test": "Acme Hosting/admin",
      "partner2@demo.test": "Globex/member",
    });
  });
});
