// The automation policy as an administrator changes it and as everyone then notices it: the policy
// is the admin's alone; a delay outside 1..365 days is refused in the admin's language; a
// department's override decides when its tickets close by themselves, whether its customers may
// close an open ticket and whether a reply is emailed, while the other departments keep the general
// policy; clearing the override brings the department back to it. And a person who turns emails off
// in their profile gets no email about a reply on their ticket.
import type { SignedIn } from "../support/factories";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAutoTransitions } from "../../server/automation/auto-transitions";
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
let globexPartner: SignedIn;
type Dept = { id: number; general: number };
let depts: Record<"support" | "sales" | "billing" | "administration", Dept>;
let acmeId: string;
let globexId: string;

const DAY = 86_400_000;
/** The demo deployment's policy (migration 0004). */
const general = {
  autoResolveDays: 5,
  autoCloseDays: 7,
  autoCloseUnit: "calendar",
  customerMayClose: "after_resolved",
  mailCreated: true,
  mailEscalated: true,
  mailResolved: true,
  mailClosed: true,
  mailAgentReply: true,
  mailAutoResolved: true,
} as const;
const inheritAll = {
  autoResolveDays: null,
  autoCloseDays: null,
  autoCloseUnit: null,
  customerMayClose: null,
  mailCreated: null,
  mailEscalated: null,
  mailResolved: null,
  mailClosed: null,
  mailAgentReply: null,
  mailAutoResolved: null,
};

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  [admin, agent, partner, globexPartner] = (await Promise.all(
    ["admin@demo.test", "agent@demo.test", "partner@demo.test", "partner2@demo.test"].map(world.login),
  )) as [SignedIn, SignedIn, SignedIn, SignedIn];
  const dept = async (slug: string): Promise<Dept> => {
    const d = await db.department.findUniqueOrThrow({ where: { slug }, include: { categories: true } });
    return { id: d.id, general: d.categories.find((c) => c.name === "General")!.id };
  };
  depts = {
    support: await dept("soporte-tecnico"),
    sales: await dept("ventas"),
    billing: await dept("facturacion"),
    administration: await dept("administracion"),
  };
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  globexId = (await db.organization.findUniqueOrThrow({ where: { name: "Globex" } })).id;
});
afterAll(() => world?.close());

/** A ticket opened by Paula (Acme) or Gloria (Globex) in a department, as the portal does it. */
async function ticketIn(dept: Dept, who: "acme" | "globex" = "acme", now?: Date) {
  const [user, organizationId] = who === "acme" ? [partner, acmeId] : [globexPartner, globexId];
  return callerFor(db, user, "es", now).tickets.create({
    type: "request",
    departmentId: dept.id,
    categoryId: dept.general,
    organizationId,
    serviceIds: [],
    watcherIds: [],
    subject: "Automatización",
    description: "Detalle del caso",
  });
}
const mailsOf = (ticketId: string) => db.outboxMail.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { toAddress: true } });
const api = (locale: "es" | "en" | "pt" | "fr" = "es") => callerFor(db, admin, locale).admin.automation;
const departmentIn = async (id: number) => (await api().get()).departments.find((d) => d.id === id)!;

describe("automation policy: who may change it", () => {
  const everyProcedure = (who: SignedIn | null) => {
    const a = callerFor(db, who, "es").admin.automation;
    return {
      get: () => a.get(),
      setDeployment: () => a.setDeployment({ ...general, customerMayClose: "any_time" }),
      setDepartment: () => a.setDepartment({ departmentId: depts.sales.id, customerMayClose: "any_time" }),
      clearDepartment: () => a.clearDepartment({ departmentId: depts.sales.id }),
    };
  };

  it.each([
    ["an agent", "agent", "FORBIDDEN"],
    ["a partner", "partner", "FORBIDDEN"],
    ["an anonymous visitor", "nobody", "UNAUTHORIZED"],
  ] as const)("%s is refused every automation procedure, and the policy stays as it was", async (_label, who, expected) => {
    await api().setDepartment({ departmentId: depts.sales.id, autoResolveDays: 9 });
    const before = await db.automationPolicy.findMany({ orderBy: { id: "asc" } });
    const codes: Record<string, string> = {};
    for (const [name, call] of Object.entries(everyProcedure(who === "agent" ? agent : who === "partner" ? partner : null))) {
      codes[name] = ((await failure(call())) as TRPCError).code;
    }
    expect(codes).toEqual({ get: expected, setDeployment: expected, setDepartment: expected, clearDepartment: expected });
    expect(await db.automationPolicy.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    await api().clearDepartment({ departmentId: depts.sales.id });
  });

  it("an admin reads the general policy and every department following it", async () => {
    const { deployment, departments } = await api().get();
    expect(deployment).toEqual(general);
    expect(departments.map((d) => d.name)).toEqual(["Soporte Técnico", "Ventas", "Facturación", "Administración"]);
    for (const d of departments) expect(d).toMatchObject({ override: null, effective: general });
  });
});

describe("automation policy: refused values", () => {
  it.each([
    ["zero days to resolve", { autoResolveDays: 0 }, "autoResolveDays", "Validation.days"],
    ["more than a year to close", { autoCloseDays: 366 }, "autoCloseDays", "Validation.days"],
    ["half a day", { autoCloseDays: 2.5 }, "autoCloseDays", "Validation.days"],
    ["days typed as text", { autoResolveDays: "5" }, "autoResolveDays", "Validation.days"],
    ["an unknown day count", { autoCloseUnit: "weeks" }, "autoCloseUnit", "Validation.invalid"],
    ["an unknown close rule", { customerMayClose: "never" }, "customerMayClose", "Validation.invalid"],
    ["a mail switch left out", { mailClosed: undefined }, "mailClosed", "Validation.invalid"],
    ["a mail switch set to inherit", { mailCreated: null }, "mailCreated", "Validation.invalid"],
  ])("the general policy refuses %s with the field's message in Spanish and changes nothing", async (_label, over, field, key) => {
    const before = await db.automationPolicy.findMany({ orderBy: { id: "asc" } });
    const error = (await failure(api("es").setDeployment({ ...general, ...over } as never))) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(formatError(error, "es").fieldErrors).toEqual({ [field]: message("es", key) });
    expect(await db.automationPolicy.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a department override refuses a bad delay in the admin's language, and an unknown department", async () => {
    const bad = (await failure(
      api("pt").setDepartment({ departmentId: depts.billing.id, autoCloseDays: 0, autoCloseUnit: "business" }),
    )) as TRPCError;
    expect(bad.code).toBe("BAD_REQUEST");
    expect(formatError(bad, "pt").fieldErrors).toEqual({ autoCloseDays: message("pt", "Validation.days") });
    const unit = (await failure(api().setDepartment({ departmentId: depts.billing.id, autoCloseUnit: "weeks" as never }))) as TRPCError;
    expect(unit.code).toBe("BAD_REQUEST");
    expect(await db.automationPolicy.count({ where: { departmentId: depts.billing.id } })).toBe(0);

    for (const call of [
      api("fr").setDepartment({ departmentId: 999_999, autoCloseDays: 3 }),
      api("fr").clearDepartment({ departmentId: 999_999 }),
    ]) {
      const unknown = (await failure(call)) as TRPCError;
      expect(unknown.code).toBe("NOT_FOUND");
      expect(formatError(unknown, "fr").message).toBe(message("fr", "Errors.departmentUnknown"));
    }
  });
});

describe("a department's own closing delay", () => {
  it("3 business days in Facturación: shown as its policy, announced on its tickets and applied by the tick; the rest keep 7 calendar days", async () => {
    const saved = await api().setDepartment({ departmentId: depts.billing.id, autoCloseDays: 3, autoCloseUnit: "business" });
    expect(saved).toMatchObject({
      id: depts.billing.id,
      override: { ...inheritAll, autoCloseDays: 3, autoCloseUnit: "business" },
      effective: { ...general, autoCloseDays: 3, autoCloseUnit: "business" },
    });
    const { departments } = await api().get();
    expect(departments.find((d) => d.id === depts.billing.id)?.effective).toMatchObject({
      autoCloseDays: 3,
      autoCloseUnit: "business",
      autoResolveDays: 5,
    });
    for (const d of departments.filter((d) => d.id !== depts.billing.id))
      expect(d).toMatchObject({ override: null, effective: { autoCloseDays: 7, autoCloseUnit: "calendar" } });

    // Globex runs on the office-hours calendar (Monday to Friday). Resolved on Friday 27 November 2026.
    const friday = new Date("2026-11-27T10:00:00Z");
    const billing = await ticketIn(depts.billing, "globex", friday);
    const support = await ticketIn(depts.support, "globex", friday);
    for (const t of [billing, support]) await callerFor(db, admin, "es", friday).tickets.setStatus({ ticket: t.id, status: "resolved" });
    const seen = (id: string) => callerFor(db, globexPartner, "es", new Date(+friday + 60_000)).tickets.get({ ticket: id });
    // Three business days skip the weekend: Wednesday 2 December; seven calendar days: Friday 4 December.
    expect((await seen(billing.id)).automatic).toEqual({ to: "closed", at: new Date("2026-12-02T10:00:00Z") });
    expect((await seen(support.id)).automatic).toEqual({ to: "closed", at: new Date(+friday + 7 * DAY) });

    await runAutoTransitions(db, new Date("2026-12-02T10:01:00Z"));
    expect((await seen(billing.id)).status).toBe("closed");
    expect((await seen(support.id)).status).toBe("resolved");
  });

  it("a change to the general policy reaches what the department inherits, not what it overrides", async () => {
    await api().setDeployment({ ...general, autoResolveDays: 10, autoCloseDays: 14 });
    try {
      expect((await departmentIn(depts.billing.id)).effective).toMatchObject({
        autoResolveDays: 10,
        autoCloseDays: 3,
        autoCloseUnit: "business",
      });
      expect((await departmentIn(depts.support.id)).effective).toMatchObject({
        autoResolveDays: 10,
        autoCloseDays: 14,
        autoCloseUnit: "calendar",
      });
    } finally {
      expect(await api().setDeployment(general)).toEqual(general);
    }
  });
});

describe("a department's customers may close at any time", () => {
  it("Paula closes a Ventas ticket that is still open, while Soporte Técnico still refuses it", async () => {
    await api().setDepartment({ departmentId: depts.sales.id, customerMayClose: "any_time" });
    try {
      const sales = await ticketIn(depts.sales);
      expect((await callerFor(db, partner, "es").tickets.close({ ticket: sales.id })).status).toBe("closed");

      const support = await ticketIn(depts.support);
      const refused = (await failure(callerFor(db, partner, "es").tickets.close({ ticket: support.id }))) as TRPCError;
      expect(refused.code).toBe("CONFLICT");
      expect(formatError(refused, "es").message).toBe(message("es", "Errors.closeBeforeResolved"));
      expect((await callerFor(db, partner).tickets.get({ ticket: support.id })).status).toBe("new");
    } finally {
      await api().clearDepartment({ departmentId: depts.sales.id });
    }
    // Back to the general rule: Ventas refuses it too.
    const again = await ticketIn(depts.sales);
    expect(((await failure(callerFor(db, partner, "es").tickets.close({ ticket: again.id }))) as TRPCError).code).toBe("CONFLICT");
  });
});

describe("notification emails", () => {
  it("with agent replies turned off in Administración a reply queues no email, elsewhere it does; clearing the override brings it back", async () => {
    const saved = await api().setDepartment({ departmentId: depts.administration.id, mailAgentReply: false });
    expect(saved).toMatchObject({ override: { ...inheritAll, mailAgentReply: false }, effective: { ...general, mailAgentReply: false } });

    const quiet = await ticketIn(depts.administration);
    const loud = await ticketIn(depts.sales);
    const before = { quiet: (await mailsOf(quiet.id)).length, loud: (await mailsOf(loud.id)).length };
    for (const t of [quiet, loud]) await callerFor(db, admin, "es").tickets.reply({ ticket: t.id, body: "Ya lo estamos mirando." });
    expect((await mailsOf(quiet.id)).length).toBe(before.quiet);
    const loudMails = await mailsOf(loud.id);
    expect(loudMails.length).toBe(before.loud + 1);
    expect(loudMails.at(-1)?.toAddress).toBe("partner@demo.test");

    const cleared = await api().clearDepartment({ departmentId: depts.administration.id });
    expect(cleared).toMatchObject({ override: null, effective: general });
    expect(await db.automationPolicy.count({ where: { departmentId: depts.administration.id } })).toBe(0);
    await callerFor(db, admin, "es").tickets.reply({ ticket: quiet.id, body: "Ya está resuelto." });
    const quietMails = await mailsOf(quiet.id);
    expect(quietMails.length).toBe(before.quiet + 1);
    expect(quietMails.at(-1)?.toAddress).toBe("partner@demo.test");
  });

  it("an override that sets nothing is no override: the department follows the general policy", async () => {
    await api().setDepartment({ departmentId: depts.administration.id, mailAgentReply: false, autoResolveDays: 2 });
    const back = await api().setDepartment({ departmentId: depts.administration.id, ...inheritAll });
    expect(back).toMatchObject({ override: null, effective: general });
    expect(await db.automationPolicy.count({ where: { departmentId: depts.administration.id } })).toBe(0);
  });

  it("a person who turns emails off in their profile gets no email about a reply on their ticket, and gets it again once back on", async () => {
    const gloria = callerFor(db, globexPartner, "es").profile;
    expect((await gloria.get()).emailNotifications).toBe(true);
    const ticket = await ticketIn(depts.support, "globex");
    const count = async () => (await mailsOf(ticket.id)).filter((m) => m.toAddress === "partner2@demo.test").length;
    const start = await count();

    try {
      expect(await gloria.update({ emailNotifications: false })).toMatchObject({ emailNotifications: false, name: "Gloria Globex" });
      expect((await gloria.get()).emailNotifications).toBe(false);
      await callerFor(db, agent, "es").tickets.reply({ ticket: ticket.id, body: "¿Puede enviarnos una captura?" });
      expect(await count()).toBe(start);
    } finally {
      await gloria.update({ emailNotifications: true });
    }
    await callerFor(db, agent, "es").tickets.reply({ ticket: ticket.id, body: "¿Sigue ocurriendo?" });
    expect(await count()).toBe(start + 1);
  });
});
