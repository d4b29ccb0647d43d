// The older admin screens name departments, categories and calendars in the admin's language, as
// the ticket pages do: team and permissions, tickets by mail (its refusal of a taken address too),
// attachments, automation, business calendars, an organization's calendar choice and its authorized
// contacts' categories. Lists ordered by name follow the reader's alphabet ("Night Desk" sits
// between "Billing" and "Sales" for an English admin, "Atención Nocturna" second for a Spanish one).
// The deployment's names are Spanish (DEFAULT_LOCALE es); a language without a translation reads them.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import type { AppLocale } from "../../server/i18n/locales";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

type Reader = "es" | "en" | "fr";
const readers = ["es", "en", "fr"] as const;

const desk = { es: "Atención Nocturna", en: "Night Desk", fr: "Veille de nuit" };
const onCall = { es: "Guardias", en: "On-call", fr: "Astreintes" };
const outages = { es: "Caídas", en: "Outages", fr: "Pannes" };
const watch = { es: "Guardia nocturna", en: "Night watch", fr: "Garde de nuit" };
const support = { es: "Soporte Técnico", en: "Technical Support", fr: "Support technique" };

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let deskId: number;
let onCallId: number;
let acmeId: string;
let calendarId: number;

const api = (locale: AppLocale) => callerFor(db, admin, locale);
/** The demo agent's departments as Admin › Equipo y permisos shows them. */
const departmentsOfAgent = async (locale: AppLocale) =>
  (await api(locale).admin.users.search({ q: "agent@demo.test", role: null })).people[0]!.departments.map((d) => d.name);

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const created = await db.department.create({
    data: {
      name: desk.es,
      nameTranslations: { en: desk.en, fr: desk.fr },
      slug: "atencion-nocturna",
      categories: {
        create: [
          { name: onCall.es, nameTranslations: { en: onCall.en, fr: onCall.fr }, slug: "guardias", description: "" },
          { name: outages.es, nameTranslations: { en: outages.en, fr: outages.fr }, slug: "caidas", description: "" },
        ],
      },
    },
    include: { categories: true },
  });
  deskId = created.id;
  onCallId = created.categories.find((c) => c.slug === "guardias")!.id;
  // Álex (agent of Soporte Técnico) works the night desk too.
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@demo.test" } });
  await db.agentDepartment.create({ data: { userId: agent.id, departmentId: deskId } });
  // The night desk and Acme run on a calendar of their own.
  calendarId = (
    await api("es").admin.calendars.create({
      name: watch.es,
      nameTranslations: { en: watch.en, fr: watch.fr },
      timeZone: "Europe/Madrid",
      workingDays: [0, 6],
      startTime: "20:00",
      endTime: "24:00",
      holidayCountry: null,
      holidayRegion: null,
      extraHolidays: [],
    })
  ).id;
  await api("es").admin.calendars.assign({ departmentId: deskId, calendarId });
});
afterAll(() => world?.close());

describe("admin screens name departments, categories and calendars in the reader's language", () => {
  it("team and permissions: each agent's departments, in the reader's alphabet", async () => {
    const expected: Record<Reader, string[]> = {
      es: [desk.es, support.es],
      en: [desk.en, support.en],
      fr: [support.fr, desk.fr],
    };
    for (const locale of readers) {
      expect(await departmentsOfAgent(locale)).toEqual(expected[locale]);
    }
    // Portuguese has no name for the night desk: the deployment's (Spanish) one.
    expect(await departmentsOfAgent("pt")).toEqual([desk.es, "Suporte Técnico"]);
  });

  it("tickets by mail: departments, categories and addresses' categories; a taken address names its department", async () => {
    const added = await api("en").admin.intake.addAddress({ departmentId: deskId, address: "noche@demo.test", categoryId: onCallId });
    expect(added.category).toEqual({ id: onCallId, name: onCall.en });

    const order: Record<Reader, string[]> = {
      es: ["Administración", desk.es, "Facturación", support.es, "Ventas"],
      en: ["Administration", "Billing", desk.en, "Sales", support.en],
      fr: ["Administration", "Facturation", support.fr, desk.fr, "Ventes"],
    };
    const categoryOrder: Record<Reader, string[]> = {
      es: [outages.es, onCall.es],
      en: [onCall.en, outages.en],
      fr: [onCall.fr, outages.fr],
    };
    for (const locale of readers) {
      const { departments } = await api(locale).admin.intake.overview();
      expect(departments.map((d) => d.name)).toEqual(order[locale]);
      const mine = departments.find((d) => d.id === deskId)!;
      expect(mine.categories.map((c) => c.name)).toEqual(categoryOrder[locale]);
      expect(mine.addresses).toEqual([{ id: added.id, address: "noche@demo.test", category: { id: onCallId, name: onCall[locale] } }]);
    }

    const supportId = (await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" } })).id;
    for (const locale of readers) {
      const error = (await failure(
        api(locale).admin.intake.addAddress({ departmentId: supportId, address: "noche@demo.test", categoryId: null }),
      )) as TRPCError;
      expect(error.code).toBe("CONFLICT");
      expect(formatError(error, locale).message).toBe(
        message(locale, "Errors.intakeAddressTaken").replace("{address}", "noche@demo.test").replace("{department}", desk[locale]),
      );
    }
  });

  it("attachments: the departments offering the sensitive-information box", async () => {
    for (const locale of readers) {
      const { departments } = await api(locale).admin.attachments.get();
      expect(departments.find((d) => d.id === deskId)).toEqual({ id: deskId, name: desk[locale], sensitiveInfo: false });
    }
  });

  it("automation: every department's policy, and the one a department override answers", async () => {
    for (const locale of readers) {
      const { departments } = await api(locale).admin.automation.get();
      expect(departments.find((d) => d.id === deskId)?.name).toBe(desk[locale]);
    }
    expect((await api("en").admin.automation.setDepartment({ departmentId: deskId, autoResolveDays: 3 })).name).toBe(desk.en);
    expect((await api("fr").admin.automation.clearDepartment({ departmentId: deskId })).name).toBe(desk.fr);
  });

  it("business calendars: the departments on each calendar and the departments to assign", async () => {
    for (const locale of readers) {
      const calendars = await api(locale).admin.calendars.list();
      expect(calendars.find((c) => c.id === calendarId)?.departments).toEqual([{ id: deskId, name: desk[locale] }]);
      const { departments } = await api(locale).admin.calendars.assignments();
      expect(departments.find((d) => d.id === deskId)).toEqual({ id: deskId, name: desk[locale], calendarId });
    }
    // Saving the calendar answers with its departments named for the one who saved it.
    const updated = await api("en").admin.calendars.update({
      id: calendarId,
      name: watch.es,
      nameTranslations: { en: watch.en, fr: watch.fr },
      timeZone: "Europe/Madrid",
      workingDays: [0, 6],
      startTime: "20:00",
      endTime: "24:00",
      holidayCountry: null,
      holidayRegion: null,
      extraHolidays: [],
    });
    expect(updated.departments).toEqual([{ id: deskId, name: desk.en }]);
  });

  it("an organization's calendar choice: named and sorted in the reader's language", async () => {
    const expected: Record<Reader, string[]> = {
      es: ["24/7", watch.es, "Horario laboral"],
      en: ["24/7", "Business hours", watch.en],
      fr: ["24/7", watch.fr, "Heures ouvrées"],
    };
    for (const locale of readers) {
      const org = await api(locale).admin.organizations.get({ id: acmeId });
      expect(org.calendars.map((c) => c.name)).toEqual(expected[locale]);
    }
  });

  it("authorized contacts: the departments and categories a contact may be allowed", async () => {
    for (const locale of readers) {
      const { departments } = await api(locale).organizations.contacts.list({ organizationId: acmeId });
      expect(departments.find((d) => d.id === deskId)).toEqual({
        id: deskId,
        name: desk[locale],
        categories: [
          { id: onCallId, name: onCall[locale] },
          { id: expect.any(Number), name: outages[locale] },
        ],
      });
      expect(departments.map((d) => d.name)).toContain(support[locale]);
    }
  });
});
