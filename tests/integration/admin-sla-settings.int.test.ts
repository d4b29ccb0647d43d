// What an administrator changes and what everyone then notices: the settings are the admin's alone;
// a calendar with a mistake is refused field by field in the admin's language; a new SLA target or a
// calendar assignment moves the deadlines of tickets already open; a priority rule decides the
// priority of the next ticket, and saving a rule for the same type and category changes it instead
// of adding a second one.
import type { SignedIn } from "../support/factories";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let agent: SignedIn;
let partner: SignedIn;
let support: { id: number; general: number; mail: number };
let acmeId: string;
const MIN = 60_000;
// Monday 23 November 2026, 10:00 UTC.
const T0 = new Date("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(+T0 + minutes * MIN);

const validCalendar = {
  name: "Guardia",
  timeZone: "Europe/Madrid",
  workingDays: [1, 2, 3, 4, 5],
  startTime: "08:00",
  endTime: "20:00",
  holidayCountry: "ES",
  holidayRegion: "MD",
  extraHolidays: ["2026-12-24"],
};

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = {
    id: dept.id,
    general: dept.categories.find((c) => c.name === "General")!.id,
    mail: dept.categories.find((c) => c.name === "Correo")!.id,
  };
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

async function acmeTicket(now: Date, over: { type?: "incident" | "request"; categoryId?: number } = {}) {
  return callerFor(db, partner, "es", now).tickets.create({
    type: over.type ?? "incident",
    departmentId: support.id,
    categoryId: over.categoryId ?? support.general,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject: "Ajustes de administración",
    description: "Detalle",
  });
}
const storedDueAt = async (id: string) => (await db.ticket.findUniqueOrThrow({ where: { id }, select: { slaDueAt: true } })).slaDueAt;

describe("admin settings: who may change them", () => {
  /** One call of every admin procedure, with inputs an admin could send. */
  const everyProcedure = (who: SignedIn) => {
    const api = callerFor(db, who, "es").admin;
    return {
      "priorityRules.list": () => api.priorityRules.list(),
      "priorityRules.upsert": () => api.priorityRules.upsert({ type: null, categoryId: null, priority: "critical" }),
      "priorityRules.remove": () => api.priorityRules.remove({ id: 1 }),
      "priorityRules.policy": () => api.priorityRules.policy(),
      "priorityRules.setPolicy": () => api.priorityRules.setPolicy({ mode: "customer_choice", fallback: "urgent" }),
      "slaPolicies.list": () => api.slaPolicies.list(),
      "slaPolicies.set": () => api.slaPolicies.set({ priority: "low", firstResponseMinutes: 1, resolutionMinutes: 2 }),
      "calendars.list": () => api.calendars.list(),
      "calendars.assignments": () => api.calendars.assignments(),
      "calendars.create": () => api.calendars.create({ ...validCalendar, name: "Intruso" }),
      "calendars.update": () => api.calendars.update({ id: 1, ...validCalendar, name: "Intruso" }),
      "calendars.remove": () => api.calendars.remove({ id: 1 }),
      "calendars.setDefault": () => api.calendars.setDefault({ id: 1 }),
      "calendars.assign": () => api.calendars.assign({ organizationId: acmeId, calendarId: null }),
      "calendars.holidayCountries": () => api.calendars.holidayCountries(),
      "calendars.holidayRegions": () => api.calendars.holidayRegions({ country: "ES" }),
    };
  };

  it.each([
    ["an agent", "agent"],
    ["a partner", "partner"],
  ] as const)("%s is refused every admin procedure, and nothing changes", async (_label, who) => {
    const before = {
      rules: await db.priorityRule.count(),
      policy: await db.priorityPolicy.findUnique({ where: { id: 1 } }),
      low: await db.slaPolicy.findUnique({ where: { priority: "low" } }),
      calendars: await db.businessCalendar.findMany({ orderBy: { id: "asc" } }),
      acme: await db.organization.findUniqueOrThrow({ where: { id: acmeId } }),
    };
    const codes: Record<string, string> = {};
    for (const [name, call] of Object.entries(everyProcedure(who === "agent" ? agent : partner))) {
      codes[name] = ((await failure(call())) as TRPCError).code;
    }
    expect(codes).toEqual(Object.fromEntries(Object.keys(codes).map((name) => [name, "FORBIDDEN"])));
    expect(Object.keys(codes)).toHaveLength(16);
    expect({
      rules: await db.priorityRule.count(),
      policy: await db.priorityPolicy.findUnique({ where: { id: 1 } }),
      low: await db.slaPolicy.findUnique({ where: { priority: "low" } }),
      calendars: await db.businessCalendar.findMany({ orderBy: { id: "asc" } }),
      acme: await db.organization.findUniqueOrThrow({ where: { id: acmeId } }),
    }).toEqual(before);
  });

  it("an admin reads all five policies in order and every calendar with who uses it", async () => {
    const api = callerFor(db, admin, "es").admin;
    expect((await api.slaPolicies.list()).map((p) => p.priority)).toEqual(["low", "medium", "high", "urgent", "critical"]);
    const calendars = await api.calendars.list();
    expect(calendars[0]).toMatchObject({ name: "Horario laboral", isDefault: true });
    expect(calendars.find((c) => c.name === "24/7")?.organizations).toEqual([{ id: acmeId, name: "Acme Hosting" }]);
    expect(await api.calendars.holidayCountries()).toContainEqual({ code: "ES", name: "España" });
    expect(await api.calendars.holidayRegions({ country: "ES" })).toContainEqual({ code: "MD", name: expect.stringContaining("Madrid") });
  });
});

describe("business calendars", () => {
  it.each([
    ["an end before the start", { startTime: "18:00", endTime: "09:00" }, "endTime", "Validation.timeOrder"],
    ["an end equal to the start", { startTime: "09:00", endTime: "09:00" }, "endTime", "Validation.timeOrder"],
    ["a time that is not HH:MM", { startTime: "9h" }, "startTime", "Validation.time"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone", "Validation.timeZone"],
    ["no working days", { workingDays: [] }, "workingDays", "Validation.workingDays"],
    ["a day counted twice", { workingDays: [1, 1, 2] }, "workingDays", "Validation.workingDays"],
    ["a country without holiday data", { holidayCountry: "ZZ", holidayRegion: null }, "holidayCountry", "Validation.holidayCountry"],
    ["a region of another country", { holidayCountry: "FR", holidayRegion: "MD" }, "holidayRegion", "Validation.holidayRegion"],
    ["a date that does not exist", { extraHolidays: ["2026-02-30"] }, "extraHolidays.0", "Validation.holidayDate"],
  ])("refuses %s with the field's message in Spanish and creates nothing", async (_label, over, field, key) => {
    const before = await db.businessCalendar.count();
    const error = (await failure(callerFor(db, admin, "es").admin.calendars.create({ ...validCalendar, ...over }))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(formatError(error, "es").fieldErrors).toEqual({ [field]: message("es", key) });
    expect(await db.businessCalendar.count()).toBe(before);
  });

  it("creates, renames and removes a calendar; the default cannot be removed and names are unique", async () => {
    const api = callerFor(db, admin, "es", T0).admin.calendars;
    const created = await api.create({
      ...validCalendar,
      workingDays: [5, 1, 3],
      extraHolidays: ["2026-12-31", "2026-12-24", "2026-12-24"],
    });
    expect(created).toMatchObject({
      name: "Guardia",
      isDefault: false,
      workingDays: [1, 3, 5],
      extraHolidays: ["2026-12-24", "2026-12-31"],
    });

    const taken = (await failure(api.create({ ...validCalendar, name: "guardia" }))) as TRPCError;
    expect(taken.code).toBe("CONFLICT");
    expect(formatError(taken, "es").message).toBe(message("es", "Errors.calendarNameTaken").replace("{name}", "guardia"));

    await api.update({ id: created.id, ...validCalendar, name: "Guardia de noche", startTime: "20:00", endTime: "24:00" });
    expect(await db.businessCalendar.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "Guardia de noche",
      startTime: "20:00",
      endTime: "24:00",
    });

    const office = await db.businessCalendar.findFirstOrThrow({ where: { isDefault: true } });
    const refused = (await failure(api.remove({ id: office.id }))) as TRPCError;
    expect(refused.code).toBe("CONFLICT");
    expect(formatError(refused, "es").message).toBe(message("es", "Errors.calendarIsDefault"));

    // A department on the removed calendar goes back to the default.
    await api.assign({ departmentId: support.id, calendarId: created.id });
    await api.remove({ id: created.id });
    expect(await db.department.findUniqueOrThrow({ where: { id: support.id } })).toMatchObject({ calendarId: null });
    expect((await api.list()).map((c) => c.name)).not.toContain("Guardia de noche");
  });
});

describe("changes reach tickets already open", () => {
  it("a shorter critical first response moves an open critical ticket's target and its stored deadline", async () => {
    const { id } = await acmeTicket(T0);
    await callerFor(db, agent, "es", T0).tickets.setPriority({ ticket: id, priority: "critical" });
    const before = (await callerFor(db, agent, "es", at(10)).tickets.sla({ ticket: id }))!;
    expect(before.calendar.name).toBe("24/7");
    expect(before.clocks.first_response).toMatchObject({ targetMs: 60 * MIN, dueAt: at(60) });
    expect(await storedDueAt(id)).toEqual(at(60));

    const critical = await db.slaPolicy.findUniqueOrThrow({ where: { priority: "critical" } });
    await callerFor(db, admin, "es", at(10)).admin.slaPolicies.set({
      priority: "critical",
      firstResponseMinutes: 30,
      resolutionMinutes: critical.resolutionMinutes,
    });

    const after = (await callerFor(db, agent, "es", at(11)).tickets.sla({ ticket: id }))!;
    expect(after.clocks.first_response).toMatchObject({ targetMs: 30 * MIN, dueAt: at(30) });
    expect(await storedDueAt(id)).toEqual(at(30));
    expect((await callerFor(db, admin, "es").admin.slaPolicies.list()).at(-1)).toEqual({
      priority: "critical",
      firstResponseMinutes: 30,
      resolutionMinutes: critical.resolutionMinutes,
    });
  });

  it("refuses a first response longer than the resolution, or zero minutes, and keeps the policy", async () => {
    const before = await db.slaPolicy.findUniqueOrThrow({ where: { priority: "high" } });
    const api = callerFor(db, admin, "fr").admin.slaPolicies;
    const longer = (await failure(api.set({ priority: "high", firstResponseMinutes: 600, resolutionMinutes: 300 }))) as TRPCError;
    expect(longer.code).toBe("BAD_REQUEST");
    expect(formatError(longer, "fr").fieldErrors).toEqual({ firstResponseMinutes: message("fr", "Validation.slaOrder") });
    const zero = (await failure(api.set({ priority: "high", firstResponseMinutes: 0, resolutionMinutes: 300 }))) as TRPCError;
    expect(formatError(zero, "fr").fieldErrors).toEqual({ firstResponseMinutes: message("fr", "Validation.minutes") });
    expect(await db.slaPolicy.findUniqueOrThrow({ where: { priority: "high" } })).toEqual(before);
  });

  it("putting Acme on the office-hours calendar moves a Saturday ticket's first response to Monday", async () => {
    const saturday = new Date("2026-11-21T12:00:00Z");
    const { id } = await acmeTicket(saturday);
    const { priority } = await db.ticket.findUniqueOrThrow({ where: { id } });
    expect(priority).toBe("medium"); // no rule matches: 8 business hours to answer
    const roundTheClock = await db.businessCalendar.findUniqueOrThrow({ where: { name: "24/7" } });
    const office = await db.businessCalendar.findUniqueOrThrow({ where: { name: "Horario laboral" } });
    expect(await storedDueAt(id)).toEqual(new Date("2026-11-21T20:00:00Z"));

    const api = callerFor(db, admin, "es", new Date(+saturday + 5 * MIN)).admin.calendars;
    await api.assign({ organizationId: acmeId, calendarId: office.id });
    // Monday 09:00 in Madrid is 08:00 UTC; eight working hours later it is 16:00 UTC.
    expect(await storedDueAt(id)).toEqual(new Date("2026-11-23T16:00:00Z"));
    const sla = (await callerFor(db, agent, "es", new Date(+saturday + 6 * MIN)).tickets.sla({ ticket: id }))!;
    expect(sla.calendar.name).toBe("Horario laboral");
    expect(sla.clocks.first_response.dueAt).toEqual(new Date("2026-11-23T16:00:00Z"));
    expect((await api.assignments()).organizations.find((o) => o.id === acmeId)).toMatchObject({ calendarId: office.id });

    await api.assign({ organizationId: acmeId, calendarId: roundTheClock.id });
    expect(await storedDueAt(id)).toEqual(new Date("2026-11-21T20:00:00Z"));
  });
});

describe("priority rules", () => {
  it("a rule incident × Correo → urgent makes the next such ticket urgent; saving the pair again updates it", async () => {
    const api = callerFor(db, admin, "es").admin.priorityRules;
    const first = await api.upsert({ type: "incident", categoryId: support.mail, priority: "urgent" });
    expect(first.created).toBe(true);
    const urgent = await acmeTicket(T0, { categoryId: support.mail });
    expect((await callerFor(db, partner).tickets.get({ ticket: urgent.id })).priority).toBe("urgent");
    // Other types and categories are not touched by it.
    const request = await acmeTicket(T0, { type: "request", categoryId: support.mail });
    expect((await callerFor(db, partner).tickets.get({ ticket: request.id })).priority).toBe("medium");

    const second = await api.upsert({ type: "incident", categoryId: support.mail, priority: "high" });
    expect(second).toMatchObject({ created: false, rule: { id: first.rule.id, priority: "high" } });
    const { rules } = await api.list();
    expect(rules.filter((r) => r.type === "incident" && r.categoryId === support.mail)).toEqual([
      {
        id: first.rule.id,
        type: "incident",
        categoryId: support.mail,
        priority: "high",
        category: { id: support.mail, name: "Correo", department: { id: support.id, name: "Soporte Técnico" } },
      },
    ]);
    const high = await acmeTicket(T0, { categoryId: support.mail });
    expect((await callerFor(db, partner).tickets.get({ ticket: high.id })).priority).toBe("high");

    await api.remove({ id: first.rule.id });
    const back = await acmeTicket(T0, { categoryId: support.mail });
    expect((await callerFor(db, partner).tickets.get({ ticket: back.id })).priority).toBe("medium");
  });

  it("keeps one catch-all rule (any type, any category) even when saved twice at once", async () => {
    const api = callerFor(db, admin, "es").admin.priorityRules;
    await Promise.all([
      api.upsert({ type: null, categoryId: null, priority: "low" }),
      api.upsert({ type: null, categoryId: null, priority: "low" }),
    ]);
    await api.upsert({ type: null, categoryId: null, priority: "high" });
    const catchAll = (await api.list()).rules.filter((r) => r.type === null && r.categoryId === null);
    expect(catchAll).toMatchObject([{ priority: "high", category: null }]);
    const ticket = await acmeTicket(T0, { type: "request", categoryId: support.general });
    expect((await callerFor(db, partner).tickets.get({ ticket: ticket.id })).priority).toBe("high");
    await api.remove({ id: catchAll[0]!.id });
  });

  it("refuses a rule for a category that does not exist, in the admin's language", async () => {
    const error = (await failure(
      callerFor(db, admin, "pt").admin.priorityRules.upsert({ type: null, categoryId: 999_999, priority: "low" }),
    )) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(formatError(error, "pt").message).toBe(message("pt", "Errors.categoryUnknown"));
  });
});
