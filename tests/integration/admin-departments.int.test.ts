// Admin > Departments through the procedures: only admins manage them; a department and its
// categories are named in every language and each reader (create form, ticket page, list, export,
// mail) sees their own language's name; the default language's name is required; a department
// with tickets is archived rather than deleted and then takes no new tickets; one without is deleted.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, makeUser, signedIn, type SignedIn } from "../support/factories";
import { message } from "../support/messages";
import { todayIn } from "../support/calendar-day";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let agent: SignedIn;
let partner: SignedIn;
let acmeId: string;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

const api = (locale: "es" | "en" | "pt" | "fr" = "es") => callerFor(db, admin, locale).admin.departments;
const names = { es: "Redes y Seguridad", en: "Networks and Security", pt: "Redes e Segurança", fr: "Réseaux et sécurité" };
const firewall = { es: "Cortafuegos", en: "Firewall", pt: "Firewall corporativo", fr: "Pare-feu" };
const firewallText = {
  es: "Reglas, puertos bloqueados y listas de IP.",
  en: "Rules, blocked ports and IP lists.",
  pt: "Regras, portas bloqueadas e listas de IP.",
  fr: "Règles, ports bloqués et listes d’IP.",
};

describe("Admin > Departments", () => {
  it("is for admins only", async () => {
    for (const who of [agent, partner]) {
      const theirs = callerFor(db, who, "es").admin.departments;
      for (const call of [theirs.list(), theirs.create({ names: { es: "Intrusos" }, slug: "", sensitiveInfo: false, agentIds: [] })]) {
        expect((await failure(call)) as TRPCError).toMatchObject({ code: "FORBIDDEN" });
      }
    }
    expect(await db.department.findFirst({ where: { name: "Intrusos" } })).toBeNull();
  });

  it("refuses a department without its name in the default language, naming the field, and saves nothing", async () => {
    const error = (await failure(
      api("en").create({ names: { en: "Only English" }, slug: "", sensitiveInfo: false, agentIds: [] }),
    )) as TRPCError;
    expect(formatError(error, "en")).toMatchObject({ fieldErrors: { "names.es": message("en", "Validation.required") } });
    expect(await db.department.findFirst({ where: { name: "Only English" } })).toBeNull();
  });

  it("names a new department and its category in every language, for every reader and channel", async () => {
    const agentUser = await signedIn(db, (await makeUser(db, { role: "agent", locale: "pt", label: "redes" })).id);
    const created = await api().create({ names, slug: "", sensitiveInfo: false, agentIds: [agentUser.id] });
    expect(created.name).toBe("Redes y Seguridad");
    const category = await api().createCategory({ departmentId: created.id, names: firewall, descriptions: firewallText, slug: "" });
    const stored = await db.department.findUniqueOrThrow({ where: { id: created.id }, include: { categories: true } });
    expect(stored.slug).toBe("redes-y-seguridad");
    expect(stored.categories.map((c) => c.slug)).toEqual(["cortafuegos"]);

    // The create form, in each language.
    for (const locale of ["es", "en", "pt", "fr"] as const) {
      const { departments } = await callerFor(db, partner, locale).tickets.formOptions();
      const offered = departments.find((d) => d.id === created.id)!;
      expect(offered.name).toBe(names[locale]);
      expect(offered.categories).toEqual([
        expect.objectContaining({ id: category.id, name: firewall[locale], description: firewallText[locale] }),
      ]);
    }

    // A partner whose language is English opens a ticket there.
    await db.user.update({ where: { id: partner.id }, data: { locale: "en" } });
    try {
      const ticket = await callerFor(db, partner, "es").tickets.create({
        type: "incident",
        departmentId: created.id,
        categoryId: category.id,
        organizationId: acmeId,
        serviceIds: [],
        watcherIds: [],
        subject: "El puerto 25 está bloqueado",
        description: "No salen los correos desde el VPS.",
      });
      for (const locale of ["en", "pt", "fr"] as const) {
        const seen = await callerFor(db, partner, locale).tickets.get({ ticket: ticket.reference });
        expect(seen.department.name).toBe(names[locale]);
        expect(seen.category?.name).toBe(firewall[locale]);
        const listed = await callerFor(db, partner, locale).tickets.list({ q: ticket.reference });
        expect(listed.items.map((i) => i.department.name)).toEqual([names[locale]]);
      }
      // The department's new agent sees it in the queue's departments, in the agent's language.
      const departments = await callerFor(db, await signedIn(db, agentUser.id), "pt").queue.departments();
      expect(departments.map((d) => d.name)).toEqual([names.pt]);

      // The confirmation mail speaks the partner's language, department and category included.
      const mail = await db.outboxMail.findFirstOrThrow({ where: { ticketId: ticket.id, toAddress: "partner@demo.test" } });
      expect(mail.text).toContain(`Department: ${names.en} · Category: ${firewall.en}`);

      // The CSV export, in French.
      const parts: Buffer[] = [];
      const today = todayIn();
      const stream = await callerFor(db, partner, "fr").tickets.export({
        format: "csv",
        from: today,
        to: today,
        fields: ["number", "department", "category"],
      });
      for await (const chunk of stream) if (chunk.kind !== "start") parts.push(Buffer.from(chunk.base64, "base64"));
      expect(Buffer.concat(parts).toString("utf8")).toContain(`${ticket.reference},${names.fr},${firewall.fr}`);

      // With tickets, removing archives: its ticket keeps it, the form no longer offers it, and a new
      // ticket there is refused in the partner's language.
      expect(await api().remove({ id: created.id })).toEqual({ outcome: "archived" });
      expect((await callerFor(db, partner, "es").tickets.get({ ticket: ticket.reference })).department.name).toBe(names.es);
      expect((await callerFor(db, partner, "es").tickets.formOptions()).departments.map((d) => d.id)).not.toContain(created.id);
      const refused = (await failure(
        callerFor(db, partner, "fr").tickets.create({
          type: "incident",
          departmentId: created.id,
          categoryId: category.id,
          organizationId: acmeId,
          serviceIds: [],
          watcherIds: [],
          subject: "Encore",
          description: "Encore une fois.",
        }),
      )) as TRPCError;
      expect(formatError(refused, "fr").message).toBe(message("fr", "Errors.departmentArchived"));
      await api().restore({ id: created.id });
      expect((await callerFor(db, partner, "es").tickets.formOptions()).departments.map((d) => d.id)).toContain(created.id);
    } finally {
      await db.user.update({ where: { id: partner.id }, data: { locale: "es" } });
    }
  });

  it("deletes a category no ticket refers to, and renames one keeping the rest", async () => {
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" } });
    const extra = await api().createCategory({ departmentId: support.id, names: { es: "Temporal" }, descriptions: {}, slug: "" });
    expect(await api().removeCategory({ id: extra.id })).toEqual({ outcome: "deleted" });
    expect(await db.category.findUnique({ where: { id: extra.id } })).toBeNull();
    const listed = await api("en").list();
    const row = listed.departments.find((d) => d.id === support.id)!;
    expect(listed.defaultLocale).toBe("es");
    expect(row.names.es).toBe("Soporte Técnico");
  });
});
