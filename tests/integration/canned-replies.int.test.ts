// Canned replies and macros: who sees which (personal, a department's, everyone's), the body in
// the requester's language with its placeholders filled for the ticket, a macro that replies and
// sets "Esperando su respuesta" in one step, and refusals in the caller's language.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";
import { formatError } from "../../server/trpc/error-format";
import { formatTicketNumber } from "../../server/domain/numbering";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail, type SignedIn } from "../support/factories";
import { message } from "../support/messages";
import { translator } from "../../server/i18n/translate";

let world: DemoWorld;
let db: Db;
let agentA: SignedIn;
let agentB: SignedIn;
let salesAgent: SignedIn;
let admin: SignedIn;
let customer: SignedIn;
let support: { id: number; categoryId: number };
let sales: { id: number };
let acmeId: string;

const texts = (t: Partial<Record<"es" | "en" | "pt" | "fr", string>>) => ({ es: "", en: "", pt: "", fr: "", ...t });
const canned = (over: Record<string, unknown> = {}) => ({
  shortcut: "saludo",
  title: "Saludo",
  scope: "personal" as const,
  departmentId: null,
  texts: texts({ es: "Hola {{cliente.nombre}}" }),
  setStatus: null,
  setPriority: null,
  addTags: [],
  ...over,
});

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
  sales = await db.department.findUniqueOrThrow({ where: { slug: "ventas" } });
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
  const user = (name: string, extra: Parameters<typeof upsertUser>[1] extends infer U ? Partial<U> : never) =>
    upsertUser(db, { email: uniqueEmail(name.split(" ")[0]!.toLowerCase()), name, ...extra });
  agentA = await signedIn(db, (await user("Ana Agente", { role: "agent", departmentIds: [support.id] })).id);
  agentB = await signedIn(db, (await user("Bruno Agente", { role: "agent", departmentIds: [support.id] })).id);
  salesAgent = await signedIn(db, (await user("Sara Ventas", { role: "agent", departmentIds: [sales.id] })).id);
  admin = await world.login("admin@demo.test");
  customer = await signedIn(
    db,
    (await user("João Silva", { role: "partner", locale: "pt", organizationId: acmeId, orgRole: "member" })).id,
  );
});
afterAll(() => world?.close());

const openTicket = async (subject: string) =>
  callerFor(db, customer, "pt").tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categoryId,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject,
    description: "O site não abre desde ontem.",
  });

const shortcutsOf = async (who: SignedIn) => (await callerFor(db, who).canned.list()).replies.map((r) => r.shortcut).sort();

describe("who sees which canned replies", () => {
  it("an agent sees their own, their departments' and everyone's — not a colleague's personal ones nor another department's", async () => {
    await callerFor(db, agentA).canned.create(canned({ shortcut: "a-personal", title: "De Ana" }));
    await callerFor(db, agentB).canned.create(canned({ shortcut: "b-personal", title: "De Bruno" }));
    await callerFor(db, agentB).canned.create(
      canned({ shortcut: "soporte-comun", title: "Soporte", scope: "department", departmentId: support.id }),
    );
    await callerFor(db, salesAgent).canned.create(
      canned({ shortcut: "ventas-comun", title: "Ventas", scope: "department", departmentId: sales.id }),
    );
    await callerFor(db, admin).canned.create(canned({ shortcut: "todos", title: "Para todos", scope: "everyone" }));

    expect(await shortcutsOf(agentA)).toEqual(["a-personal", "soporte-comun", "todos"]);
    expect(await shortcutsOf(agentB)).toEqual(["b-personal", "soporte-comun", "todos"]);
    expect(await shortcutsOf(salesAgent)).toEqual(["todos", "ventas-comun"]);

    // The same holds in a ticket's reply box.
    const ticket = await openTicket("Visibilidade");
    expect((await callerFor(db, agentA).canned.forTicket({ ticket: ticket.id })).map((r) => r.shortcut)).toEqual([
      "a-personal",
      "soporte-comun",
      "todos",
    ]);

    // A colleague's personal reply cannot be used, edited or deleted: to A it does not exist.
    const bPersonal = (await callerFor(db, agentB).canned.list()).replies.find((r) => r.shortcut === "b-personal")!;
    const edit = (await failure(callerFor(db, agentA).canned.update({ id: bPersonal.id, ...canned({ title: "Mío" }) }))) as TRPCError;
    expect(edit.code).toBe("NOT_FOUND");
    const send = (await failure(
      callerFor(db, agentA).canned.reply({ ticket: ticket.id, body: "Olá", cannedId: bPersonal.id }),
    )) as TRPCError;
    expect(formatError(send, "pt").message).toBe(message("pt", "Errors.cannedNotFound"));

    // A department's agents manage its replies; everyone's are the admins'.
    const lists = (await callerFor(db, agentA).canned.list()).replies;
    expect(lists.find((r) => r.shortcut === "soporte-comun")?.canManage).toBe(true);
    expect(lists.find((r) => r.shortcut === "todos")?.canManage).toBe(false);
    const everyone = lists.find((r) => r.shortcut === "todos")!;
    expect(((await failure(callerFor(db, agentA).canned.remove({ id: everyone.id }))) as TRPCError).code).toBe("FORBIDDEN");
  });

  it("an agent may not share with everyone nor with a department they do not work in; customers have no canned replies", async () => {
    const everyone = (await failure(callerFor(db, agentA, "es").canned.create(canned({ shortcut: "x1", scope: "everyone" })))) as TRPCError;
    expect(formatError(everyone, "es").message).toBe(message("es", "Errors.cannedEveryoneForAdmins"));
    const other = (await failure(
      callerFor(db, agentA, "fr").canned.create(canned({ shortcut: "x2", scope: "department", departmentId: sales.id })),
    )) as TRPCError;
    expect(formatError(other, "fr").message).toBe(message("fr", "Errors.cannedDepartmentNotYours"));
    expect(((await failure(callerFor(db, customer).canned.list())) as TRPCError).code).toBe("FORBIDDEN");
    const ticket = await openTicket("Cliente");
    expect(((await failure(callerFor(db, customer).canned.forTicket({ ticket: ticket.id }))) as TRPCError).code).toBe("FORBIDDEN");
  });
});

describe("filling a canned reply for a ticket", () => {
  it("a Portuguese customer gets the Portuguese body with the customer, ticket and agent filled in; unknown placeholders are reported", async () => {
    await callerFor(db, agentA).canned.create(
      canned({
        shortcut: "boas-vindas",
        title: "Bienvenida",
        texts: texts({
          es: "Hola {{cliente.nombre}}, soy {{agente.nombre}}.",
          en: "Hi {{cliente.nombre}}",
          pt: "Olá {{cliente.nombre}}, sou {{agente.nombre}}. O seu pedido {{ticket.numero}} («{{ticket.asunto}}», {{organizacion.nombre}}) está {{ ticket.Estado }}. {{cliente.telefone}}",
        }),
      }),
    );
    const ticket = await openTicket("O site não abre");
    const [offered] = (await callerFor(db, agentA).canned.forTicket({ ticket: ticket.id })).filter((r) => r.shortcut === "boas-vindas");
    const number = formatTicketNumber((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).number);
    expect(offered).toMatchObject({
      locale: "pt",
      body: `Olá João Silva, sou Ana Agente. O seu pedido ${number} («O site não abre», Acme Hosting) está ${message("pt", "Statuses.new")}. {{cliente.telefone}}`,
      unknown: ["{{cliente.telefone}}"],
    });
  });

  it("without a text in the customer's language, the deployment's default language's is used (Spanish), then any", async () => {
    await callerFor(db, agentA).canned.create(
      canned({
        shortcut: "sin-pt",
        title: "Sin portugués",
        texts: texts({ en: "Hello {{cliente.primer_nombre}}", es: "Hola {{cliente.primer_nombre}}" }),
      }),
    );
    await callerFor(db, agentA).canned.create(
      canned({ shortcut: "solo-fr", title: "Solo francés", texts: texts({ fr: "Bonjour {{cliente.primer_nombre}}" }) }),
    );
    const ticket = await openTicket("Idiomas");
    const offered = await callerFor(db, agentA).canned.forTicket({ ticket: ticket.id });
    expect(offered.find((r) => r.shortcut === "sin-pt")).toMatchObject({ locale: "es", body: "Hola João" });
    expect(offered.find((r) => r.shortcut === "solo-fr")).toMatchObject({ locale: "fr", body: "Bonjour João" });
  });
});

describe("a macro", () => {
  it("replies and sets Esperando su respuesta in one call: one reply, one status change, the customer's mail; priority and tags too", async () => {
    const created = await callerFor(db, agentA).canned.create(
      canned({
        shortcut: "pedir-dados",
        title: "Pedir datos",
        texts: texts({ pt: "Olá {{cliente.nombre}}, pode enviar o print do erro?" }),
        setStatus: "pending_customer",
        setPriority: "high",
        addTags: ["Aguarda Cliente", "  vip "],
      }),
    );
    const ticket = await openTicket("Erro 500");
    const [offered] = (await callerFor(db, agentA).canned.forTicket({ ticket: ticket.id })).filter((r) => r.id === created.id);
    expect(offered).toMatchObject({ setStatus: "pending_customer", setPriority: "high", addTags: ["aguarda cliente", "vip"] });
    const before = await db.ticketEvent.findMany({ where: { ticketId: ticket.id }, select: { id: true } });
    const mailsBefore = await db.outboxMail.count({ where: { ticketId: ticket.id, toAddress: customer.email } });

    const sent = await callerFor(db, agentA).canned.reply({ ticket: ticket.id, body: offered!.body, cannedId: created.id });
    expect(sent.status).toBe("pending_customer");

    const events = await db.ticketEvent.findMany({
      where: { ticketId: ticket.id, id: { notIn: before.map((e) => e.id) } },
      orderBy: { id: "asc" },
      select: { kind: true, before: true, after: true },
    });
    expect(events).toEqual([
      // Replying to the unassigned ticket took it (Department.takeOnReply).
      { kind: "assigned", before: null, after: "Ana Agente" },
      { kind: "replied", before: null, after: null },
      { kind: "status_changed", before: "new", after: "pending_customer" },
      { kind: "priority_changed", before: "medium", after: "high" },
      { kind: "tags_changed", before: "—", after: "aguarda cliente, vip" },
    ]);
    // What the customer sees: the reply once and the status in their language.
    const seen = await callerFor(db, customer, "pt").tickets.get({ ticket: ticket.id });
    expect(seen.status).toBe("pending_customer");
    expect(seen.messages.filter((m) => m.kind === "public" && m.body.startsWith("Olá João Silva"))).toHaveLength(1);
    const mails = await db.outboxMail.findMany({ where: { ticketId: ticket.id, toAddress: customer.email }, orderBy: { id: "asc" } });
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.text).toContain("Olá João Silva, pode enviar o print do erro?");
  });

  it("a status the ticket already has is no change (the rest still happens); a closed ticket refuses the whole step", async () => {
    const created = await callerFor(db, agentA).canned.create(
      canned({ shortcut: "em-espera", title: "En espera", texts: texts({ pt: "Aguarde." }), setStatus: "on_hold", addTags: ["espera"] }),
    );
    const ticket = await openTicket("Sem mudanças");
    await callerFor(db, agentA).tickets.setStatus({ ticket: ticket.id, status: "on_hold" });
    const statusEvents = () => db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "status_changed" } });
    const before = await statusEvents();
    await callerFor(db, agentA).canned.reply({ ticket: ticket.id, body: "Aguarde.", cannedId: created.id });
    expect(await statusEvents()).toBe(before);
    expect(await db.ticketTag.count({ where: { ticketId: ticket.id, tag: { name: "espera" } } })).toBe(1);

    await callerFor(db, agentA).tickets.setStatus({ ticket: ticket.id, status: "closed" });
    const messages = await db.message.count({ where: { ticketId: ticket.id } });
    const tagsMacro = await callerFor(db, agentA).canned.create(
      canned({ shortcut: "etiquetar", title: "Etiquetar", texts: texts({ pt: "Obrigado." }), addTags: ["depois"] }),
    );
    const error = (await failure(
      callerFor(db, agentA, "pt").canned.reply({ ticket: ticket.id, body: "Obrigado.", cannedId: tagsMacro.id }),
    )) as TRPCError;
    expect(formatError(error, "pt").message).toBe(message("pt", "Errors.closedNeedsReopen"));
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(messages);
    expect(await db.ticketTag.count({ where: { ticketId: ticket.id, tag: { name: "depois" } } })).toBe(0);
  });
});

describe("saving a canned reply", () => {
  it("refuses bad input field by field in the caller's language and keeps shortcuts unique where they are shared", async () => {
    const bad = (await failure(
      callerFor(db, agentA, "pt").canned.create(canned({ shortcut: "Com espaço", title: "", texts: texts({}) })),
    )) as TRPCError;
    expect(formatError(bad, "pt").fieldErrors).toMatchObject({
      shortcut: message("pt", "Validation.cannedShortcut"),
      title: message("pt", "Validation.required"),
    });
    const noText = (await failure(
      callerFor(db, agentA, "fr").canned.create(canned({ shortcut: "vide", texts: texts({ es: "   " }) })),
    )) as TRPCError;
    expect(formatError(noText, "fr").fieldErrors).toEqual({ texts: message("fr", "Validation.cannedText") });
    const noDepartment = (await failure(
      callerFor(db, agentA, "en").canned.create(canned({ shortcut: "dep", scope: "department" })),
    )) as TRPCError;
    expect(formatError(noDepartment, "en").fieldErrors).toEqual({ departmentId: message("en", "Validation.required") });

    await callerFor(db, agentA).canned.create(canned({ shortcut: "duplicado" }));
    const taken = (await failure(callerFor(db, agentA, "es").canned.create(canned({ shortcut: "Duplicado" })))) as TRPCError;
    expect(formatError(taken, "es").message).toBe(translator("es")("Errors.cannedShortcutTaken", { shortcut: "duplicado" }));
    // Another agent's personal "duplicado" is theirs alone: no clash.
    await expect(callerFor(db, agentB).canned.create(canned({ shortcut: "duplicado" }))).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("edits and deletes: texts per language are replaced, and a deleted reply is gone from the reply box", async () => {
    const { id } = await callerFor(db, agentA).canned.create(canned({ shortcut: "editar", texts: texts({ es: "Uno", pt: "Um" }) }));
    await callerFor(db, agentA).canned.update({ id, ...canned({ shortcut: "editado", title: "Editado", texts: texts({ en: "One" }) }) });
    const row = (await callerFor(db, agentA).canned.list()).replies.find((r) => r.id === id)!;
    expect(row).toMatchObject({ shortcut: "editado", title: "Editado", texts: { es: "", en: "One", pt: "", fr: "" } });
    await callerFor(db, agentA).canned.remove({ id });
    expect((await callerFor(db, agentA).canned.list()).replies.some((r) => r.id === id)).toBe(false);
  });
});
